package io.openekyc.vision.document.ph;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.ocr.CardText;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.document.vn.CccdFrontReader;
import io.openekyc.vision.document.vn.InkLines;
import io.openekyc.vision.image.RgbImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the front of a straightened UMID card (1000 x 630) with English OCR, by its labels: the
 * "CRN-0111-1234567-1" line, then each value under its label (SURNAME, GIVEN NAME, MIDDLE NAME, SEX
 * and DATE OF BIRTH on one line, ADDRESS). The CRN is reported as its digits grouped 4-7-1 without
 * the "CRN-" prefix. Values that fail their format are flagged to be reviewed.
 *
 * @param ocr an English recogniser
 */
public record UmidReader(TextRecognizer ocr) {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[/.-]\\s*(\\d{2})\\s*[/.-]\\s*(\\d{2})");

    public Map<String, CardField> read(RgbImage card) {
        // The text column right of the portrait, read line by line on the prepared page as PhilHealth's.
        List<String> lines = InkLines.read(ocr, CccdFrontReader.page(card), new int[] {260, 150, 1000, 610});
        Map<String, CardField> fields = new LinkedHashMap<>();
        String last = null;
        String first = null;
        String middle = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String folded = CardText.fold(line).strip();
            String next = i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
            if (folded.startsWith("crn") && !fields.containsKey("id_number")) {
                fields.put("id_number", crn(line));
            } else if (folded.startsWith("surname")) {
                last = next;
            } else if (folded.startsWith("given")) {
                first = next;
            } else if (folded.startsWith("middle")) {
                middle = next;
            } else if (folded.contains("birth") || folded.startsWith("sex")) {
                sexAndBirth(next, fields);
            } else if (folded.startsWith("address")) {
                String address = String.join(" ", lines.subList(i + 1, lines.size()));
                fields.putIfAbsent("address", CardText.checked(address, PhNames.ADDRESS));
            }
        }
        List<String> names = namesByOrder(lines);
        if (names.size() == 3) {
            last = names.get(0);
            first = names.get(1);
            middle = names.get(2);
        }
        if (last != null || first != null || middle != null) {
            fields.putAll(PhNames.parts(Objects.toString(last, ""), Objects.toString(first, ""),
                    Objects.toString(middle, ""), false));
        }
        return fields;
    }

    /**
     * The three name values by their place: between the CRN line and the sex / birth-date line the
     * card prints label, value, label, value, label, value (SURNAME, GIVEN NAME, MIDDLE NAME). Blur
     * garbles the small labels ("MIDOLE NAME") or drops them, not the bold values, so six lines give
     * the 2nd, 4th and 6th, three lines give all three; any other count gives none.
     */
    static List<String> namesByOrder(List<String> lines) {
        int crn = 0;
        while (crn < lines.size() && !CardText.fold(lines.get(crn)).strip().startsWith("crn")) {
            crn++;
        }
        int sex = crn + 1;
        while (sex < lines.size() && !DATE.matcher(lines.get(sex)).find()
                && !CardText.fold(lines.get(sex)).matches(".*(sex|birth).*")) {
            sex++;
        }
        if (sex >= lines.size()) {
            return List.of();
        }
        List<String> between = lines.subList(crn + 1, sex).stream().map(String::strip).toList();
        List<String> values = between.size() == 6 ? List.of(between.get(1), between.get(3), between.get(5))
                : between.size() == 3 ? between : List.of();
        return values.stream().allMatch(v -> v.matches("[\\p{Lu} .'-]{2,}")) ? values : List.of();
    }

    /** The CRN: 12 digits grouped 4-7-1. */
    static CardField crn(String text) {
        return CardText.grouped(text, 4, 7, 1);
    }

    /** The values line under "SEX  DATE OF BIRTH": "M   1990/01/05". */
    private static void sexAndBirth(String line, Map<String, CardField> fields) {
        String upper = line.toUpperCase(Locale.ROOT).strip();
        String sex = upper.startsWith("M") ? "M" : upper.startsWith("F") ? "F" : "";
        fields.putIfAbsent("sex", CardField.printed(sex, null, sex.isEmpty()));
        Matcher m = DATE.matcher(line);
        fields.putIfAbsent("date_of_birth", m.find()
                ? CardText.date(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)))
                : CardField.printed("", null, true));
    }
}
