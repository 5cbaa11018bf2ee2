package io.openekyc.vision.document.ph;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.ocr.CardText;
import io.openekyc.vision.document.ocr.TextRecognizer;
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
        List<String> lines = CardText.lines(ocr, card, 260, 150, 740, 460);
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
        if (last != null || first != null || middle != null) {
            fields.putAll(PhNames.parts(Objects.toString(last, ""), Objects.toString(first, ""),
                    Objects.toString(middle, ""), false));
        }
        return fields;
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
