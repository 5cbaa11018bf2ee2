package io.openekyc.vision.document.vn;

import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.image.RgbImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The digits OCR considered at each position of a printed date (ddMMyyyy), gathered over several
 * views of the same line (sizes, sharpened, deconvolved): a rule between dates may then pick among
 * what OCR actually saw, never a digit it did not.
 */
final class DigitChoices {

    private DigitChoices() {
    }

    /**
     * Each of the eight positions with every digit Tesseract considered there and its best
     * confidence over the views; views that do not show exactly eight digits are left out. Null when none does.
     */
    static List<Map<Character, Double>> of(TextRecognizer ocr, List<RgbImage> views) {
        List<Map<Character, Double>> positions = null;
        for (RgbImage view : views) {
            List<TextRecognizer.Symbol> digits = ocr.symbols(view, "0123456789/").stream()
                    .filter(symbol -> Character.isDigit(symbol.best().charAt(0))).toList();
            if (digits.size() != 8) {
                continue;
            }
            if (positions == null) {
                positions = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    positions.add(new HashMap<>());
                }
            }
            for (int i = 0; i < 8; i++) {
                for (TextRecognizer.Choice choice : digits.get(i).choices()) {
                    if (choice.text().length() == 1 && Character.isDigit(choice.text().charAt(0))) {
                        positions.get(i).merge(choice.text().charAt(0), choice.confidence(), Math::max);
                    }
                }
            }
        }
        return positions;
    }
}
