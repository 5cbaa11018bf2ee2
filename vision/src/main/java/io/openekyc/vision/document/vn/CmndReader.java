package io.openekyc.vision.document.vn;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.ocr.CardText;
import io.openekyc.vision.document.ocr.DateDecoding;
import io.openekyc.vision.document.ocr.LatinRecognizer;
import io.openekyc.vision.document.ocr.PpOcrDates;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.image.RgbImage;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the front of a straightened old 9-digit CMND ("Giấy chứng minh nhân dân", 1000 x 630) with
 * Vietnamese OCR, by its Vietnamese-only labels: the red "SỐ" and 9 digits under the title, then
 * "Họ tên", "Sinh ngày" (dd-MM-yyyy), "Nguyên quán" and "Nơi ĐKHK thường trú", each value on its
 * label's line and places running on to the lines below. Values that fail their format are flagged
 * to be reviewed.
 *
 * @param ocr   a Vietnamese recogniser
 * @param latin PP-OCR, a second reading of the birth date where Tesseract's is missing or doubtful
 */
public record CmndReader(TextRecognizer ocr, LatinRecognizer latin) {

    private static final Pattern NUMBER = Pattern.compile("(?<!\\d)(\\d[\\d ]{7,10}\\d)(?!\\d)");
    /** "Sinh ngày", whose first letters blur makes S or 3 ("3anh ngày"). */
    private static final Pattern BIRTH_LABEL = Pattern.compile("\\b\\S{0,2}nh ngay");
    /** "thường trú" whose "th" and marks blur takes away ("tong trú"), not a place name such as Phong Trung. */
    private static final Pattern RESIDENCE_LABEL = Pattern.compile("ong tru(?![a-z])");
    private static final Pattern DATE = Pattern.compile("(\\d{2})\\s*[/.-]\\s*(\\d{2})\\s*[/.-]\\s*(\\d{4})");
    private static final Pattern DASH_READ_AS_DIGIT = Pattern.compile("(?<!\\d)(\\d{2})\\d(\\d{2})\\s*[/.-]\\s*(\\d{4})");
    private static final String NAME = "[\\p{Lu} ]{3,}";

    public Map<String, CardField> read(RgbImage card) {
        RgbImage page = CccdFrontReader.page(card);
        Map<String, CardField> fields = new LinkedHashMap<>();
        String red = redNumber(page);
        if (red.matches("\\d{9}")) {
            fields.put("id_number", CardField.printed(red, null, false));
        }
        List<InkLines.Line> inked = InkLines.boxed(ocr, page, new int[] {255, 200, 985, 625}).stream()
                .filter(line -> !line.text().isEmpty()).toList();
        List<String> lines = inked.stream().map(InkLines.Line::text).toList();
        int origin = -1;
        int residence = -1;
        int labelledBirth = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String folded = CardText.fold(line);
            if (folded.contains("ho ten")) {
                String name = Surnames.restore(CccdFrontReader.mergeSplitVowels(after(line, folded, "ho ten")
                        .replaceAll("[^\\p{L} ]", "").strip().replaceAll(" +", " ")));
                fields.putIfAbsent("full_name", fullName(page, inked.get(i), name));
            } else if (BIRTH_LABEL.matcher(folded).find()) {
                fields.putIfAbsent("date_of_birth", birthDate(line));
                labelledBirth = labelledBirth < 0 ? i : labelledBirth;
            } else if (folded.contains("nguyen quan") && origin < 0) {
                origin = i;
            } else if ((RESIDENCE_LABEL.matcher(folded).find() || folded.contains("dkhk")) && residence < 0) {
                residence = i;
            }
        }
        CardField birth = fields.get("date_of_birth");
        int birthLine = labelledBirth;
        DateDecoding births = labelledBirth < 0 ? null : latin.dates(card, inked.get(labelledBirth).box());
        if (birth != null && births != null) {
            // PP-OCR's likeliest date on the labelled line weighed against Tesseract's: blur turns a
            // stroke of a digit into another, and the likeliest possible date is usually the one printed.
            PpOcrDates.settle(fields, "date_of_birth", births, CmndReader::possibleBirth);
            birth = fields.get("date_of_birth");
        }
        if (birth == null || birth.value().isEmpty()) {
            // Blur takes the "Sinh ngày" label or a digit from Tesseract; PP-OCR, trained on photos, still
            // reads the date (the only one on this front) on most such lines. One reading: to be reviewed.
            for (int i = 0; i < inked.size(); i++) {
                String date = latin.date(card, inked.get(i).box());
                if (date != null) {
                    fields.put("date_of_birth", CardField.printed(date, null, true));
                    birthLine = i;
                    break;
                }
            }
        }
        if (!fields.containsKey("full_name")) {
            // An unreadable "Họ tên" label: the name is the capitals ending the line above the birth
            // date's (the line Tesseract reads a date on, or PP-OCR's where blur took Tesseract's digits).
            for (int i = 1; i < lines.size(); i++) {
                if (DATE.matcher(lines.get(i)).find() || i == birthLine) {
                    String name = CardText.trailingCapitals(lines.get(i - 1));
                    if (name.contains(" ")) {
                        fields.put("full_name", InkLines.nameChecked(ocr, page, inked.get(i - 1).box(), CardText.checked(
                                Surnames.restore(CccdFrontReader.mergeSplitVowels(name)), NAME)));
                    }
                    break;
                }
            }
        }
        if (origin >= 0) {
            fields.put("place_of_origin", place(lines, origin, "nguyen quan", residence > origin ? residence : lines.size()));
        }
        if (residence >= 0) {
            fields.put("place_of_residence", place(lines, residence, "ong tru", lines.size()));
        }
        if (!fields.containsKey("id_number")) {
            for (String line : CardText.lines(ocr, page, 255, 120, 730, 60)) {
                Matcher m = NUMBER.matcher(line);
                if (m.find()) {
                    String digits = m.group(1).replace(" ", "");
                    fields.put("id_number", CardField.printed(digits, null, !digits.matches("\\d{9}")));
                }
            }
        }
        if (!fields.containsKey("id_number") || !fields.get("id_number").value().matches("\\d{9}")) {
            // Glare washes the red number pale pink, below the grey page's ink: read it again where red
            // print stays dark (CccdFrontReader.glareView), to be reviewed.
            String underGlare = redNumber(CccdFrontReader.glareView(CccdFrontReader.atCardSize(card), 115, 180));
            if (underGlare.matches("\\d{9}")) {
                fields.put("id_number", CardField.printed(underGlare, null, true));
            }
        }
        return fields;
    }

    /** The red number alone, as digits: right of "SỐ" under the title. */
    private String redNumber(RgbImage page) {
        return String.join("", CardText.lines(ocr, page, 430, 120, 360, 55, 2, "0123456789")).replace(" ", "");
    }

    /**
     * A birth date a 9-digit CMND can carry: the card was issued until 2021 to citizens 14 and older
     * (Decree 05/1999/ND-CP), none born before 1900.
     */
    static boolean possibleBirth(LocalDate date) {
        return date.getYear() >= 1900 && date.isBefore(LAST_ISSUED.minusYears(14));
    }

    /** The last 9-digit CMND cards were issued in 2021 (the chip CCCD replaced them). */
    private static final LocalDate LAST_ISSUED = LocalDate.of(2022, 1, 1);

    /**
     * The dd-MM-yyyy birth date of the "Sinh ngày" line. Blur turns a 0 into an O inside the date,
     * and can read the dash after the day as a digit ("O59O1-1959"): five digits where "dd-MM"
     * stands are read as day, dash, month, to be reviewed.
     */
    static CardField birthDate(String line) {
        String zeros = line.replaceAll("(?<=\\d)[OoD]|[OoD](?=\\d)", "0");
        for (String text : List.of(line, zeros)) {
            Matcher m = DATE.matcher(text);
            if (m.find()) {
                return CardText.date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
        }
        Matcher m = DASH_READ_AS_DIGIT.matcher(zeros);
        if (m.find()) {
            CardField date = CardText.date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            return CardField.printed(date.value(), null, true);
        }
        return CardField.printed("", null, true);
    }

    /**
     * The name on the "Họ tên" line; given or middle name words that are no name syllable are
     * spelled as the one syllable the letters OCR considered allow ({@link GivenNames}), read again
     * letter by letter, the name's words being the line's last ones; then checked by
     * {@link InkLines#nameChecked} (name syllables, the second OCR model's tone marks).
     */
    private CardField fullName(RgbImage page, InkLines.Line line, String read) {
        return InkLines.nameChecked(ocr, page, line.box(), spelledName(page, line, read));
    }

    private CardField spelledName(RgbImage page, InkLines.Line line, String read) {
        CardField checked = CardText.checked(read, NAME);
        String[] words = read.split(" ");
        if (words.length < 2 || GivenNames.allKnown(words)) {
            return checked;
        }
        List<List<Map<String, Double>>> alternatives =
                CccdFrontReader.letterChoices(InkLines.symbols(ocr, page, line.box()));
        if (alternatives.size() < words.length) {
            return checked;
        }
        CccdFrontReader.Field respelled = CccdFrontReader.respelled(new CccdFrontReader.Field(read, false, 1),
                alternatives.subList(alternatives.size() - words.length, alternatives.size()));
        CardField value = CardText.checked(respelled.value(), NAME);
        return value.toBeReviewed() || !respelled.toBeReviewed() ? value : CardField.printed(value.value(), null, true);
    }

    /** The value after the label on its line, joined with the lines below it up to {@code end}. */
    private static CardField place(List<String> lines, int at, String label, int end) {
        StringBuilder value = new StringBuilder(after(lines.get(at), CardText.fold(lines.get(at)), label));
        for (String line : lines.subList(at + 1, end)) {
            value.append(' ').append(line.strip());
        }
        return CardText.checked(CardText.place(value.toString().replaceAll("^[^\\p{L}\\d]+", "")), ".{6,}");
    }

    /** The text after a label: folding keeps a Vietnamese line's length, so the folded label's end marks the value. */
    private static String after(String line, String folded, String label) {
        int at = folded.indexOf(label);
        return at < 0 ? "" : line.substring(Math.min(line.length(), at + label.length())).replaceAll("^[\\s:.]+", "");
    }
}
