package io.openekyc.vision.document.ph;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.ocr.CardText;
import io.openekyc.vision.document.ocr.LatinRecognizer;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.document.vn.CccdFrontReader;
import io.openekyc.vision.document.vn.InkLines;
import io.openekyc.vision.image.RgbImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the front of a straightened UMID card (1000 x 630) with English OCR: the
 * "CRN-0111-1234567-1" line, then the values under their small labels (SURNAME, GIVEN NAME, MIDDLE
 * NAME, SEX and DATE OF BIRTH on one line, ADDRESS). Blur and glare garble or wash out the small
 * labels but rarely the bold values, so the values are taken by their place among the bold lines;
 * the labels are used where the places do not add up. The CRN is reported as its digits grouped
 * 4-7-1 without the "CRN-" prefix. Values that fail their format are flagged to be reviewed.
 *
 * @param ocr   an English recogniser
 * @param latin PP-OCR, a second reading of the sex and birth-date line where blur leaves Tesseract's doubtful
 */
public record UmidReader(TextRecognizer ocr, LatinRecognizer latin) {

    /** The text column right of the portrait. */
    private static final int[] COLUMN = {260, 150, 1000, 610};
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[/.-]\\s*(\\d{2})\\s*[/.-]\\s*(\\d{2})");
    /** A birth date read alone with only digits and slashes allowed: the whole read, slashes possibly lost. */
    private static final Pattern DIGITS_DATE = Pattern.compile("(\\d{4})/?(\\d{2})/?(\\d{2})");
    private static final Pattern CRN = Pattern.compile("\\d{4}\\s*[-—–]?\\s*\\d{7}\\s*[-—–]?\\s*\\d\\b");
    /** A value line's box is at least this share of the CRN line's height; a label's is about two thirds. */
    private static final double VALUE_HEIGHT = 0.74;
    /** A space between sex and birth date wider than this many line heights. */
    private static final double FIELD_GAP = 1.5;

    public Map<String, CardField> read(RgbImage card) {
        RgbImage page = CccdFrontReader.page(card);
        List<InkLines.Line> lines = new ArrayList<>(InkLines.boxed(ocr, page, COLUMN));
        Map<String, CardField> fields = new LinkedHashMap<>();
        int crn = crnLine(lines);
        if (crn >= 0) {
            fields.put("id_number", crn(lines.get(crn).text()));
        }
        List<Integer> values = valueLines(lines, crn);
        for (int i : values) {
            if (lines.get(i).text().isEmpty() && lines.get(i).box()[2] - lines.get(i).box()[0] < 4 * lines.get(i).height()) {
                lines.set(i, widened(page, lines.get(i)));
            }
        }
        values = valueLines(lines, crn); // a blank line read again may prove a label
        List<String> byLabel = new ArrayList<>(List.of("", "", ""));
        int sexLine = -1;
        int addressLabel = -1;
        for (int i = crn + 1; i < lines.size(); i++) {
            String folded = CardText.fold(lines.get(i).text()).strip();
            String next = i + 1 < lines.size() ? lines.get(i + 1).text().strip() : "";
            if (folded.startsWith("surname")) {
                byLabel.set(0, next);
            } else if (folded.startsWith("given")) {
                byLabel.set(1, next);
            } else if (folded.startsWith("middle")) {
                byLabel.set(2, next);
            } else if ((folded.contains("birth") || folded.startsWith("sex")) && sexLine < 0) {
                sexLine = i + 1;
            } else if (folded.startsWith("address")) {
                addressLabel = i;
            }
        }
        List<String> names = namesByPlace(lines, values);
        if (names.isEmpty() && byLabel.stream().anyMatch(name -> !name.isEmpty())) {
            names = byLabel;
        }
        if (!names.isEmpty()) {
            fields.putAll(PhNames.parts(names.get(0), names.get(1), names.get(2), false));
        }
        // The sex and birth-date line: the one holding a date, else the one under their label, else the fourth value.
        int dated = firstDated(lines, crn + 1);
        sexLine = dated >= 0 ? dated : sexLine >= 0 && sexLine < lines.size() ? sexLine : afterNames(lines, values);
        if (sexLine >= 0) {
            sexAndBirth(page, lines.get(sexLine), fields);
            readSexAndBirthAgain(card, lines.get(sexLine), fields);
        }
        List<String> address = new ArrayList<>();
        int from = addressLabel >= 0 ? addressLabel + 1 : sexLine + 1;
        for (int i = from; sexLine >= 0 && i < lines.size(); i++) {
            if (addressLabel >= 0 || values.contains(i)) {
                address.add(lines.get(i).text());
            }
        }
        String joined = String.join(" ", address.stream().filter(text -> !text.isBlank()).toList());
        if (!joined.isEmpty()) {
            fields.put("address", CardText.checked(joined, PhNames.ADDRESS));
        }
        return fields;
    }

    /**
     * A value line read blank, read again with more blank card around it: single-line OCR often
     * reads nothing from a short word ("8000") cut tight. Only short lines: a long blank one is a
     * glare streak.
     */
    private InkLines.Line widened(RgbImage page, InkLines.Line line) {
        int[] box = line.box();
        int[] wide = {Math.max(0, box[0] - 10), Math.max(0, box[1] - 3), Math.min(page.width(), box[2] + 3 * line.height()),
            Math.min(page.height(), box[3] + 3)};
        return new InkLines.Line(box, InkLines.read(ocr, page, wide, null));
    }

    /** The line holding the CRN (its 4-7-1 digits, or the "CRN" prefix); -1 when none does. */
    private static int crnLine(List<InkLines.Line> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).text();
            if (CRN.matcher(digitsInCrn(text)).find() || CardText.fold(text).strip().startsWith("crn")) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The bold value lines after the CRN line: as tall as a value (the small labels are about two
     * thirds of the CRN's height) and not reading as a label. Empty when there is no CRN line to
     * measure against.
     */
    static List<Integer> valueLines(List<InkLines.Line> lines, int crn) {
        List<Integer> values = new ArrayList<>();
        if (crn < 0) {
            return values;
        }
        double tall = VALUE_HEIGHT * lines.get(crn).height();
        for (int i = crn + 1; i < lines.size(); i++) {
            String folded = CardText.fold(lines.get(i).text());
            boolean label = folded.matches(".*\\b(surname|given|middle|name|sex|date|birth|address)\\b.*");
            if (lines.get(i).height() >= tall && !label) {
                values.add(i);
            }
        }
        return values;
    }

    /**
     * SURNAME, GIVEN NAME and MIDDLE NAME by their place: the first three value lines read (noise
     * can make a label as tall as a value, but it then reads blank), when all three read as names;
     * none otherwise.
     */
    static List<String> namesByPlace(List<InkLines.Line> lines, List<Integer> values) {
        List<String> names = values.stream().map(i -> lines.get(i).text().strip()).filter(v -> !v.isEmpty())
                .limit(3).toList();
        return names.size() == 3 && names.stream().allMatch(v -> v.matches("[\\p{Lu} .'-]{2,}")) ? names : List.of();
    }

    /** The value line after the first three read ones (the names); -1 when there is none. */
    private static int afterNames(List<InkLines.Line> lines, List<Integer> values) {
        int read = 0;
        for (int i : values) {
            if (read == 3) {
                return i;
            }
            read += lines.get(i).text().isBlank() ? 0 : 1;
        }
        return -1;
    }

    /** The first line from {@code from} holding a yyyy/mm/dd date; -1 when none does. */
    private static int firstDated(List<InkLines.Line> lines, int from) {
        for (int i = Math.max(0, from); i < lines.size(); i++) {
            if (DATE.matcher(lines.get(i).text()).find()) {
                return i;
            }
        }
        return -1;
    }

    /** The CRN: 12 digits grouped 4-7-1. A letter read for a digit inside the CRN leaves it to be reviewed. */
    static CardField crn(String text) {
        CardField field = CardText.grouped(text, 4, 7, 1);
        if (!field.toBeReviewed()) {
            return field;
        }
        CardField mended = CardText.grouped(digitsInCrn(text), 4, 7, 1);
        return mended.toBeReviewed() ? field : CardField.printed(mended.value(), null, true);
    }

    /** The text after a "CRN" prefix with the letters OCR confuses with digits (O, D, I, l) read as digits. */
    private static String digitsInCrn(String text) {
        String upper = text.strip();
        String rest = upper.toUpperCase(Locale.ROOT).startsWith("CRN") ? upper.substring(3) : upper;
        return rest.replaceAll("[OoDQ]", "0").replaceAll("[Il|]", "1");
    }

    /**
     * The values line under "SEX  DATE OF BIRTH": "M   1990/01/05". The wide space between the two
     * makes single-line OCR drop one or both under blur; then the sex letter and the date are cut
     * apart at that space and read alone, each with only its own characters allowed.
     */
    private void sexAndBirth(RgbImage page, InkLines.Line line, Map<String, CardField> fields) {
        String upper = line.text().toUpperCase(Locale.ROOT).strip();
        String sex = upper.startsWith("M") ? "M" : upper.startsWith("F") ? "F" : "";
        Matcher m = DATE.matcher(line.text());
        boolean dated = m.find();
        boolean unsure = false;
        boolean byShape = false;
        int[][] parts = dated && !sex.isEmpty() ? null : splitAtGap(page, line.box());
        if (parts != null) {
            byShape = sex.isEmpty();
            if (byShape) {
                sex = letterByWidth(page, parts[0]);
            }
            if (!dated) {
                String digits = InkLines.read(ocr, page, parts[1], "0123456789/").replace(" ", "");
                m = DIGITS_DATE.matcher(digits);
                dated = m.matches();
                unsure = !digits.contains("/");
            }
        }
        fields.put("sex", CardField.printed(sex, null, sex.isEmpty() || byShape));
        CardField birth = dated
                ? CardText.date(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)))
                : CardField.printed("", null, true);
        // Without its slashes the date's digits are less sure: to be reviewed.
        fields.put("date_of_birth", unsure ? CardField.printed(birth.value(), null, true) : birth);
    }

    /** PP-OCR's reading of the sex and birth-date line: "F1961/11/19", the space often dropped. */
    private static final Pattern READ_AGAIN = Pattern.compile("^\\W*([MF])?\\W*(\\d{4}) ?/ ?(\\d{2}) ?/ ?(\\d{2})(?!\\d)");

    /**
     * Where blur leaves Tesseract's birth date missing or doubtful, or the sex unread, the line is
     * read again by PP-OCR on the card as photographed; a date it reads with both slashes (and a sex
     * letter before it) replaces the doubtful value, to be reviewed.
     */
    private void readSexAndBirthAgain(RgbImage card, InkLines.Line line, Map<String, CardField> fields) {
        CardField birth = fields.get("date_of_birth");
        CardField sex = fields.get("sex");
        boolean birthDoubtful = CardField.missingOrDoubtful(birth);
        boolean sexDoubtful = CardField.missingOrDoubtful(sex);
        if (!birthDoubtful && !sexDoubtful) {
            return;
        }
        String text = latin.read(card, line.box(), null).text().toUpperCase(Locale.ROOT);
        Matcher m = READ_AGAIN.matcher(text);
        if (!m.find()) {
            return;
        }
        CardField date = CardText.date(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)));
        if (birthDoubtful && !date.toBeReviewed()) {
            fields.put("date_of_birth", date.reviewed());
        }
        if (sexDoubtful && m.group(1) != null && (sex == null || !sex.value().equals(m.group(1)))) {
            fields.put("sex", CardField.printed(m.group(1), null, true));
        }
    }

    /**
     * M or F by the letter's shape, where OCR reads nothing from a blurred lone capital: the bold M
     * is about as wide as it is tall, the F about two thirds as wide. Empty when there is no ink.
     */
    static String letterByWidth(RgbImage page, int[] box) {
        int left = Integer.MAX_VALUE;
        int right = -1;
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        for (int y = box[1]; y < box[3]; y++) {
            for (int x = box[0]; x < box[2]; x++) {
                if ((page.rgb(x, y) & 0xFF) < 128) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (right < 0) {
            return "";
        }
        double width = right - left + 1;
        double height = bottom - top + 1;
        return width >= 0.8 * height ? "M" : "F";
    }

    /**
     * The line's box cut in two at the first run of blank columns wider than {@link #FIELD_GAP}
     * line heights (dark = under half the page's white); null when there is no such space.
     */
    private static int[][] splitAtGap(RgbImage page, int[] box) {
        int height = box[3] - box[1];
        int gap = 0;
        boolean inked = false;
        for (int x = box[0]; x < box[2]; x++) {
            boolean dark = false;
            for (int y = box[1]; y < box[3] && !dark; y++) {
                dark = (page.rgb(x, y) & 0xFF) < 128;
            }
            if (dark && inked && gap > FIELD_GAP * height) {
                // The sex letter keeps the blank space after it: a lone letter's crop reads as nothing.
                return new int[][] {{box[0], box[1], x - 8, box[3]}, {x - 8, box[1], box[2], box[3]}};
            }
            gap = dark ? 0 : gap + 1;
            inked |= dark;
        }
        return null;
    }
}
