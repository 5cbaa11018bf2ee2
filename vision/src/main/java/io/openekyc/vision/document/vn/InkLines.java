package io.openekyc.vision.document.vn;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The text lines of a region of a prepared card page ({@link CccdFrontReader#page}), cut out by
 * where the ink is ({@link CccdFrontReader#lines}) and each read alone in single-line mode, enlarged
 * only to about 30 px of ink: whole-block OCR merges or drops lines under blur and slips more tone
 * marks on big bold capitals. A bar ending a line is the card's edge or a glare streak, not print.
 */
public final class InkLines {

    private static final double LINE_HEIGHT = 30;

    private InkLines() {
    }

    /** A line of ink: its box (x0, y0, x1, y1 on the card, with a margin) and its text, empty when none was read. */
    public record Line(int[] box, String text) {

        public int height() {
            return box[3] - box[1];
        }
    }

    /** The lines of {@code region} (x0, y0, x1, y1 on the 1000 x 630 card), top to bottom, blank ones left out. */
    public static List<String> read(TextRecognizer ocr, RgbImage page, int[] region) {
        return boxed(ocr, page, region).stream().map(Line::text).filter(text -> !text.isEmpty()).toList();
    }

    /** The same with each line's box, blank ones kept: where a value sits tells it from a label. */
    public static List<Line> boxed(TextRecognizer ocr, RgbImage page, int[] region) {
        List<Line> lines = new ArrayList<>();
        for (int[] box : CccdFrontReader.lines(page, region)) {
            lines.add(new Line(box, read(ocr, page, box, null)));
        }
        return lines;
    }

    /** One box of the page read alone, restricted to {@code whitelist} characters (null = any). */
    public static String read(TextRecognizer ocr, RgbImage page, int[] box, String whitelist) {
        return ocr.line(crop(page, box), whitelist).text().replaceAll("\\s*\\|$", "").strip();
    }

    /** The letters Tesseract considered on one box of the page, read at the same size as {@link #read}. */
    public static List<TextRecognizer.Symbol> symbols(TextRecognizer ocr, RgbImage page, int[] box) {
        return ocr.symbols(crop(page, box), null);
    }

    /**
     * {@code named}, the name read on one box of the page, as the other OCR models settle its marks,
     * to be reviewed, where they change it or the second model reads the same letters with other tone
     * marks ({@link NameMarks}); else to be reviewed where a given or middle name word is no name
     * syllable ({@link GivenNames}: a misread, or a rare name a person should look at).
     */
    static CardField nameChecked(TextRecognizer ocr, RgbImage page, int[] box, CardField named) {
        String settled = NameMarks.settle(ocr, crop(page, box), named.value());
        if (settled != null) {
            return CardField.printed(settled, null, true);
        }
        return named.toBeReviewed() || GivenNames.allKnown(named.value().split(" ")) ? named
                : CardField.printed(named.value(), null, true);
    }

    /** A box of the page enlarged as it is read: to about 30 px of ink. */
    private static RgbImage crop(RgbImage page, int[] box) {
        int w = box[2] - box[0];
        int h = box[3] - box[1];
        double scale = Math.max(1.0, Math.min(3.5, LINE_HEIGHT / Math.max(1, h - 10)));
        return page.bilinear(box[0], box[1], w, h, (int) Math.round(w * scale), (int) Math.round(h * scale));
    }
}
