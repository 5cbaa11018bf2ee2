package io.openekyc.vision.document.ocr;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.PrintedDate;
import io.openekyc.vision.image.RgbImage;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** What the label-based card readers share: OCR of a card region, label folding and date checks. */
public final class CardText {


    private CardText() {
    }

    /**
     * The text lines of a region of a straightened card, given in the 1000 x 630 layout and scaled to
     * the card's size; enlarged 2x, since Tesseract reads small print best at about 30 px per line.
     */
    public static List<String> lines(TextRecognizer ocr, RgbImage card, int x, int y, int w, int h) {
        return lines(ocr, card, x, y, w, h, 2);
    }

    /** The same at {@code scale} times the 1000 x 630 layout (1 for large print such as titles). */
    public static List<String> lines(TextRecognizer ocr, RgbImage card, int x, int y, int w, int h, int scale) {
        return lines(ocr, card, x, y, w, h, scale, null);
    }

    /** The same restricted to {@code whitelist} characters (null = any). */
    public static List<String> lines(TextRecognizer ocr, RgbImage card, int x, int y, int w, int h, int scale,
                                     String whitelist) {
        double sx = card.width() / 1000.0;
        double sy = card.height() / 630.0;
        return ocr.lines(card.bilinear((float) (x * sx), (float) (y * sy), (float) (w * sx), (float) (h * sy),
                scale * w, scale * h), whitelist);
    }

    /** Lower case without diacritics (đ as d): how labels are matched whatever the OCR made of the marks. */
    public static String fold(String text) {
        return Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /**
     * A place name as OCR gives it, with its one common slip undone: names of the Central Highlands
     * open with "Ia" (Ia Pa, Ia Grai), whose capital I OCR takes for an l; "la" never stands alone
     * in a place name.
     */
    public static String place(String text) {
        return text.replaceAll("(^|\\s)la(?=\\s)", "$1Ia");
    }

    private static final java.util.regex.Pattern TRAILING_CAPITALS =
            java.util.regex.Pattern.compile("(\\p{Lu}{2,}(?: \\p{Lu}{2,})*)[^\\p{L}]*$");

    /**
     * The words of two or more capitals ending a line (empty when none): a printed value whose label
     * before it OCR could not read.
     */
    public static String trailingCapitals(String line) {
        java.util.regex.Matcher m = TRAILING_CAPITALS.matcher(line);
        return m.find() ? m.group(1) : "";
    }

    /** The text after a line's last colon, or the empty string when it has none. */
    public static String afterColon(String line) {
        int colon = line.lastIndexOf(':');
        return colon < 0 ? "" : line.substring(colon + 1).strip();
    }

    /** A dd/MM/yyyy date field, to be reviewed unless it is a real calendar date. */
    public static CardField date(int day, int month, int year) {
        String value = String.format(Locale.ROOT, "%02d/%02d/%04d", day, month, year);
        return CardField.printed(value, null, PrintedDate.parse(value) == null);
    }

    /**
     * Digits printed in dash-separated groups of the given lengths (12-345678901-2): the first such
     * run in {@code text}, dashes normalised; OCR's spaces around the dashes, or a lost dash, are
     * tolerated. To be reviewed, with the digits found, when there is no such run.
     */
    public static CardField grouped(String text, int... groups) {
        StringBuilder regex = new StringBuilder();
        for (int group : groups) {
            regex.append(regex.isEmpty() ? "" : "\\s*[-—–]?\\s*").append("(\\d{").append(group).append("})");
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex + "\\b").matcher(text);
        if (!m.find()) {
            return CardField.printed(text.replaceAll("\\D", ""), null, true);
        }
        StringBuilder value = new StringBuilder(m.group(1));
        for (int i = 2; i <= groups.length; i++) {
            value.append('-').append(m.group(i));
        }
        return CardField.printed(value.toString(), null, false);
    }

    /** A field whose value is to be reviewed unless it matches {@code format}; missing when empty. */
    public static CardField checked(String value, String format) {
        String v = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        return CardField.printed(v, null, !v.matches(format));
    }
}
