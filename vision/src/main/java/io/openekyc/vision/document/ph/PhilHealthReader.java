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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the front of a straightened PhilHealth ID (1000 x 630) with English OCR, by its labels: the
 * PIN under "PhilHealth Identification Number", the name under "Name" ("SURNAME, GIVEN NAME MIDDLE
 * NAME"), "Date of Birth:" (month by name), "Sex:" and the address lines under "Address". Values
 * that fail their format are flagged to be reviewed; nothing has a check digit, so none has a
 * confidence.
 *
 * @param ocr   an English recogniser
 * @param latin PP-OCR, a second reading of the lines where blur leaves the PIN or birth date unread
 */
public record PhilHealthReader(TextRecognizer ocr, LatinRecognizer latin) {

    private static final Pattern DATE = Pattern.compile("([A-Z]{3,9})\\.?\\s+(\\d{1,2})\\s*[,.]?\\s*(\\d{4})");
    private static final Pattern PIN = Pattern.compile("\\d{2}\\s*-\\s*\\d{9}\\s*-\\s*\\d");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");

    /** PP-OCR's reading of a month-named date, letters run together ("Date ef IthJANUARY 11, 1998"). */
    private static final Pattern RUN_TOGETHER_DATE = Pattern.compile(
            "(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\\.?\\s*(\\d{1,2})\\s*[,.]?\\s*(\\d{4})");

    public Map<String, CardField> read(RgbImage card) {
        // The text column right of the portrait, from the PIN's label to the address.
        List<InkLines.Line> boxed = InkLines.boxed(ocr, CccdFrontReader.page(card), new int[] {260, 175, 985, 610});
        List<String> lines = boxed.stream().map(InkLines.Line::text).toList();
        Map<String, CardField> fields = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String folded = CardText.fold(line);
            String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
            if (folded.contains("identification") || folded.contains("number")) {
                fields.putIfAbsent("id_number", pin(line + " " + next));
            } else if (folded.matches("\\W*name\\W*")) {
                fields.putAll(PhNames.surnameFirst(next));
            } else if (folded.contains("birth")) {
                fields.putIfAbsent("date_of_birth", date(line));
            } else if (folded.startsWith("sex")) {
                // The value after the label, whether or not OCR kept the colon.
                String sex = sex(line.replaceFirst("(?i)^\\W*sex\\W*", ""));
                fields.putIfAbsent("sex", CardField.printed(sex, null, sex.isEmpty()));
            } else if (folded.matches("\\W*address\\W*")) {
                String address = String.join(" ", lines.subList(i + 1, lines.size()));
                fields.putIfAbsent("address", CardText.checked(address, PhNames.ADDRESS));
            }
        }
        byOrder(lines, fields);
        if (CardField.missingOrDoubtful(fields.get("id_number")) || CardField.missingOrDoubtful(fields.get("date_of_birth"))
                || !fields.containsKey("sex") || fields.get("sex").value().isEmpty()) {
            readAgain(card, boxed, fields);
        }
        return fields;
    }

    /**
     * Blur can leave Tesseract without the PIN's dashes, the birth line or the sex, and then without
     * the order the other values are placed by. PP-OCR reads each line again on the card as photographed:
     * its PIN and date (the letters run together, the digits hold) replace doubtful ones, to be
     * reviewed; with the birth line found, the name and sex are placed by order as in
     * {@link #byOrder}, from Tesseract's text (PP-OCR drops the spaces between names).
     */
    private void readAgain(RgbImage card, List<InkLines.Line> boxed, Map<String, CardField> fields) {
        List<String> again = new ArrayList<>();
        for (InkLines.Line line : boxed) {
            again.add(latin.read(card, line.box(), null).text().toUpperCase(java.util.Locale.ROOT));
        }
        int pin = -1;
        int birth = -1;
        for (int i = 0; i < again.size(); i++) {
            if (pin < 0 && PIN.matcher(again.get(i)).find()) {
                pin = i;
                replaceDoubtful(fields, "id_number", pin(again.get(i)));
            } else if (pin >= 0 && birth < 0) {
                Matcher m = RUN_TOGETHER_DATE.matcher(again.get(i));
                if (m.find()) {
                    birth = i;
                    replaceDoubtful(fields, "date_of_birth", CardText.date(Integer.parseInt(m.group(2)),
                            MONTHS.indexOf(m.group(1)) + 1, Integer.parseInt(m.group(3))));
                }
            }
        }
        if (pin < 0 || birth < 0) {
            return;
        }
        String name = boxed.get(birth - 1).text();
        if (!fields.containsKey("full_name") && birth > pin + 1 && (birth == pin + 3 || name.contains(","))) {
            fields.putAll(PhNames.surnameFirst(name));
        }
        CardField sex = fields.get("sex");
        if (birth + 1 < again.size() && (sex == null || sex.value().isEmpty())) {
            fields.put("sex", CardField.printed(sex(again.get(birth + 1)), null, true));
        }
    }

    /** A second reading's value in place of a missing or doubtful first one; to be reviewed either way. */
    private static void replaceDoubtful(Map<String, CardField> fields, String name, CardField again) {
        if (!CardField.missingOrDoubtful(again) && CardField.missingOrDoubtful(fields.get(name))) {
            fields.put(name, again.reviewed());
        }
    }

    /**
     * Blur leaves the small labels ("PhilHealth Identification Number", "Name", "Address")
     * unreadable but not the bold values: the PIN is the line of 2-9-1 digits, the name the line
     * between it and the birth date, the address the lines under the sex line.
     */
    private static void byOrder(List<String> lines, Map<String, CardField> fields) {
        int pin = 0;
        while (pin < lines.size() && !PIN.matcher(lines.get(pin)).find()) {
            pin++;
        }
        int birth = pin + 1;
        while (birth < lines.size() && !DATE.matcher(lines.get(birth).toUpperCase(java.util.Locale.ROOT)).find()) {
            birth++;
        }
        if (pin >= lines.size() || birth >= lines.size()) {
            return;
        }
        fields.putIfAbsent("id_number", pin(lines.get(pin)));
        fields.putIfAbsent("date_of_birth", date(lines.get(birth)));
        // PIN, unread "Name" label, name; or a "SURNAME, GIVEN" line right above the birth date.
        if (!fields.containsKey("full_name") && (birth == pin + 3 || lines.get(birth - 1).contains(","))) {
            fields.putAll(PhNames.surnameFirst(lines.get(birth - 1)));
        }
        if (birth + 1 < lines.size() && !fields.containsKey("sex")) {
            String sex = sex(lines.get(birth + 1));
            fields.put("sex", CardField.printed(sex, null, sex.isEmpty()));
        }
        if (birth + 3 < lines.size()) { // sex, unread "Address" label, address lines
            fields.putIfAbsent("address", CardText.checked(String.join(" ", lines.subList(birth + 3, lines.size())),
                    PhNames.ADDRESS));
        }
    }

    /** "F" or "M" for a sex value read as FEMALE or MALE anywhere in {@code text}; empty otherwise. */
    static String sex(String text) {
        String upper = text.toUpperCase(java.util.Locale.ROOT);
        return upper.contains("FEMALE") ? "F" : upper.contains("MALE") ? "M" : "";
    }

    /** The PIN: 12 digits grouped 2-9-1. */
    static CardField pin(String text) {
        return CardText.grouped(text, 2, 9, 1);
    }

    /** "MARCH 02, 2005" to 02/03/2005; a month name is known by its first three letters. */
    static CardField date(String text) {
        Matcher m = DATE.matcher(text.toUpperCase(java.util.Locale.ROOT));
        if (!m.find()) {
            return CardField.printed(text.strip(), null, true);
        }
        int month = MONTHS.indexOf(m.group(1).substring(0, 3)) + 1;
        if (month == 0) {
            return CardField.printed(text.strip(), null, true);
        }
        return CardText.date(Integer.parseInt(m.group(2)), month, Integer.parseInt(m.group(3)));
    }
}
