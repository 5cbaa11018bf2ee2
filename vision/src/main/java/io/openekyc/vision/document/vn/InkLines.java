package io.openekyc.vision.document.vn;

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

    /** The lines of {@code region} (x0, y0, x1, y1 on the 1000 x 630 card), top to bottom, blank ones left out. */
    public static List<String> read(TextRecognizer ocr, RgbImage page, int[] region) {
        List<String> texts = new ArrayList<>();
        for (int[] box : CccdFrontReader.lines(page, region)) {
            int w = box[2] - box[0];
            int h = box[3] - box[1];
            double scale = Math.max(1.0, Math.min(3.5, LINE_HEIGHT / Math.max(1, h - 10)));
            String text = ocr.line(page.bilinear(box[0], box[1], w, h, (int) Math.round(w * scale),
                    (int) Math.round(h * scale)), null).text().replaceAll("\\s*\\|$", "").strip();
            if (!text.isEmpty()) {
                texts.add(text);
            }
        }
        return texts;
    }
}
