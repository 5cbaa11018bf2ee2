package io.openekyc.vision.document.mrz;

import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds and reads the machine-readable zone in a photo or scan. First OCR-B template matching
 * ({@link MrzTemplateReader}: MRZ lines located, every character cell compared with the font the
 * MRZ is printed in, check digits settling close calls); when that gives no fully valid MRZ (or the
 * OCR-B font is not installed), Tesseract restricted to the MRZ alphabet over the lower part of the
 * document (where every ICAO layout puts it) and then the whole picture, small pictures enlarged so
 * characters reach a readable height, then {@link MrzReader}; the better-checking reading wins.
 */
public final class MrzScanner {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

    /** Rendered once: the font does not change while the process runs. */
    private static final class Templates {
        static final OcrBTemplates LOADED = OcrBTemplates.load();
    }

    private final TextRecognizer ocr;
    private final MrzTemplateReader templates;

    public MrzScanner(TextRecognizer ocr) {
        this(ocr, Templates.LOADED);
    }

    /** @param templates null to read with Tesseract alone (as when the OCR-B font is not installed) */
    MrzScanner(TextRecognizer ocr, OcrBTemplates templates) {
        this.ocr = ocr;
        this.templates = templates == null ? null : new MrzTemplateReader(templates);
    }

    /** The MRZ, or null when none could be read. */
    public MrzResult scan(RgbImage image) {
        MrzResult matched = templates == null ? null : templates.read(image);
        if (matched != null && matched.valid()) {
            return matched;
        }
        MrzResult recognised = recognise(image);
        if (recognised == null || (matched != null && checked(matched) >= checked(recognised))) {
            return matched;
        }
        return recognised;
    }

    /** Fully valid first, then the number of passing check digits. */
    private static long checked(MrzResult result) {
        return (result.valid() ? 100 : 0) + MrzTemplateReader.passing(result);
    }

    private MrzResult recognise(RgbImage image) {
        MrzResult best = null;
        for (RgbImage view : views(image)) {
            MrzResult result = MrzReader.read(ocr.lines(view, ALPHABET));
            if (result != null && (best == null || score(result) > score(best))) {
                best = result;
                if (result.valid()) {
                    break;
                }
            }
        }
        return best;
    }

    private static int score(MrzResult result) {
        return (int) result.checks().stream().filter(c -> Boolean.TRUE.equals(c.valid())).count() * 10
                - result.repairs().size();
    }

    /** The lower 45% (enlarged when small, binarised), then the whole picture. */
    private static List<RgbImage> views(RgbImage image) {
        List<RgbImage> views = new ArrayList<>();
        float top = image.height() * 0.55f;
        float h = image.height() - top;
        float scale = Math.max(1, Math.min(3, 1500f / image.width()));
        RgbImage lower = image.bilinear(0, top, image.width(), h, Math.round(image.width() * scale), Math.round(h * scale));
        views.add(binarised(lower));
        views.add(lower);
        views.add(scale > 1 ? image.bilinear(0, 0, image.width(), image.height(), Math.round(image.width() * scale),
                Math.round(image.height() * scale)) : image);
        return views;
    }

    /** Black text on white by Otsu's threshold: OCR-B fillers survive better than in grey. */
    public static RgbImage binarised(RgbImage image) {
        int[] histogram = new int[256];
        int n = image.width() * image.height();
        int[] grey = new int[n];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int p = image.rgb(x, y);
                int g = (299 * ((p >> 16) & 0xFF) + 587 * ((p >> 8) & 0xFF) + 114 * (p & 0xFF)) / 1000;
                grey[y * image.width() + x] = g;
                histogram[g]++;
            }
        }
        long total = 0;
        for (int i = 0; i < 256; i++) {
            total += (long) i * histogram[i];
        }
        long sumBelow = 0;
        int countBelow = 0;
        double best = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            countBelow += histogram[t];
            sumBelow += (long) t * histogram[t];
            int countAbove = n - countBelow;
            if (countBelow == 0 || countAbove == 0) {
                continue;
            }
            double meanBelow = (double) sumBelow / countBelow;
            double meanAbove = (double) (total - sumBelow) / countAbove;
            double between = (double) countBelow * countAbove * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = grey[i] > threshold ? 0xFFFFFF : 0;
        }
        return new RgbImage(image.width(), image.height(), out);
    }
}
