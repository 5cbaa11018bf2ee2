package io.openekyc.vision.document.vn;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.ocr.CardText;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.image.RgbImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the front of a straightened Vietnamese PET driving licence (2013 and later, 1000 x 630) with
 * Vietnamese OCR, by its bilingual labels: "Số/No" (12 digits), "Họ tên/Full name" (on the label's
 * line or the next), "Ngày sinh/Date of Birth", "Quốc tịch/Nationality", "Nơi cư trú/Address" (the
 * lines under it), and under the portrait "Hạng/Class" and "Có giá trị đến/Expires" (a date or
 * "Không thời hạn"). Values that fail their format are flagged to be reviewed.
 *
 * @param ocr a Vietnamese recogniser
 */
public record DriverLicenceReader(TextRecognizer ocr) {

    private static final Pattern NUMBER = Pattern.compile("(\\d[\\d ]{10,14}\\d)");
    private static final Pattern DATE = Pattern.compile("(\\d{2})\\s*[/.-]\\s*(\\d{2})\\s*[/.-]\\s*(\\d{4})");
    /** A name as printed: words of capitals. */
    private static final String NAME = "\\p{Lu}+( \\p{Lu}+)+";
    /** Licence classes of the 2008 road traffic law, as printed. */
    private static final Pattern CLASS = Pattern.compile("\\b(A[1-4]|B[12]|C|D|E|F[BCDE]2?)\\b");

    public Map<String, CardField> read(RgbImage card) {
        RgbImage page = CccdFrontReader.page(card);
        List<String> lines = InkLines.read(ocr, page, new int[] {262, 190, 985, 495});
        Map<String, CardField> fields = new LinkedHashMap<>();
        // The red number right of "Số/No:", read as digits only: unrestricted, OCR takes a red 0 for @.
        String red = String.join("", CardText.lines(ocr, page, 340, 192, 420, 42, 2, "0123456789")).replace(" ", "");
        if (red.matches("\\d{12}")) {
            fields.put("id_number", CardField.printed(red, null, false));
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String folded = CardText.fold(line);
            String next = i + 1 < lines.size() ? letters(lines.get(i + 1)) : "";
            Matcher number = NUMBER.matcher(line);
            if (!fields.containsKey("id_number") && !fields.containsKey("full_name") && number.find()) {
                // The number opens the column; its small label is often misread ("søNo°"), the
                // red 12 digits rarely are.
                String digits = number.group(1).replace(" ", "");
                fields.put("id_number", CardField.printed(digits, null, !digits.matches("\\d{12}")));
            } else if (folded.contains("full name") || folded.contains("ho ten")) {
                // The label line's crop may catch the tone marks of the name under it: what follows its
                // colon is the name only when it reads as capitals.
                String name = letters(CardText.afterColon(line));
                fields.putIfAbsent("full_name", fullName(name.matches(NAME) ? name : next));
            } else if (folded.contains("date of b") || folded.contains("ngay sinh")) {
                fields.putIfAbsent("date_of_birth", date(line));
            } else if (folded.contains("nationality") || folded.contains("quoc tich")) {
                fields.putIfAbsent("nationality", nationality(line));
            } else if (folded.contains("address") || folded.contains("noi cu tru")) {
                String value = (CardText.afterColon(line) + " "
                        + String.join(" ", lines.subList(i + 1, lines.size()))).strip();
                fields.putIfAbsent("place_of_residence", CardText.checked(value, ".{6,}"));
            }
        }
        byOrder(lines, fields);
        // Under the portrait: class and expiry (the issuing block further right is left out).
        List<String> bottom = InkLines.read(ocr, page, new int[] {20, 495, 540, 600});
        // The class alone, as class letters and digits: among the label's words OCR takes a lone "C" for "L@".
        String printedClass = String.join("", CardText.lines(ocr, page, 130, 500, 200, 45, 2, "ABCDEF1234"))
                .replace(" ", "");
        if (printedClass.matches(CLASS.pattern())) {
            fields.put("licence_class", CardField.printed(printedClass, null, false));
        }
        for (String line : bottom) {
            String folded = CardText.fold(line);
            if (folded.contains("class") || folded.contains("hang")) {
                // OCR splits "B1" into "B 1" and reads 1 as l or I.
                String after = CardText.afterColon(line);
                String printed = (after.isEmpty() ? line : after).replace('l', '1').replace('I', '1')
                        .replaceAll("([A-F])\\s+([1-4])", "$1$2");
                Matcher m = CLASS.matcher(printed);
                String value = m.find() ? m.group(1) : "";
                fields.putIfAbsent("licence_class", CardField.printed(value, null, value.isEmpty()));
            } else if (folded.contains("expir") || folded.contains("gia tri")) {
                fields.putIfAbsent("date_of_expiry", folded.contains("khong thoi han")
                        ? CardField.printed("Không thời hạn", null, false) : date(line));
            }
        }
        // An unreadable expiry label: the block's only date is the expiry.
        bottom.stream().filter(line -> DATE.matcher(line).find()).findFirst()
                .ifPresent(line -> fields.putIfAbsent("date_of_expiry", date(line)));
        return fields;
    }

    /**
     * Blur leaves the small labels unreadable but not the bold values: a field whose label was not
     * found is taken by the column's fixed order. The birth date is the column's only date, the name
     * the capitals line above it, the nationality the capitals ending the line below it, and the
     * address the lines under the label line after that.
     */
    private static void byOrder(List<String> lines, Map<String, CardField> fields) {
        int birth = 1;
        while (birth < lines.size() && !DATE.matcher(lines.get(birth)).find()) {
            birth++;
        }
        if (birth >= lines.size()) {
            return;
        }
        fields.putIfAbsent("date_of_birth", date(lines.get(birth)));
        for (int i = birth - 1; i > 0 && !fields.containsKey("full_name"); i--) {
            if (letters(lines.get(i)).matches(NAME)) {
                fields.put("full_name", fullName(letters(lines.get(i))));
            }
        }
        if (birth + 1 < lines.size() && !fields.containsKey("nationality")) {
            fields.put("nationality", nationality(lines.get(birth + 1)));
        }
        if (birth + 3 < lines.size()) {
            fields.putIfAbsent("place_of_residence",
                    CardText.checked(String.join(" ", lines.subList(birth + 3, lines.size())), ".{6,}"));
        }
    }

    /** A line without the specks OCR reads at its ends (a card edge or glare streak as "|"). */
    private static String letters(String line) {
        return line.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
    }

    private static CardField fullName(String text) {
        return CardText.checked(Surnames.restore(CccdFrontReader.mergeSplitVowels(text.strip())), "[\\p{Lu} ]{3,}");
    }

    /**
     * The capitals ending a nationality line (after its label, or where the label was misread);
     * "VIET NAM" read without its marks is the printed "VIỆT NAM".
     */
    private static CardField nationality(String line) {
        String value = CardText.trailingCapitals(line);
        return CardText.checked(CardText.fold(value).equals("viet nam") ? "VIỆT NAM" : value, "[\\p{Lu} ]{3,}");
    }

    private static CardField date(String text) {
        Matcher m = DATE.matcher(text);
        return m.find() ? CardText.date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))) : CardField.printed("", null, true);
    }
}
