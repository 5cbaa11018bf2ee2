package io.openekyc.vision.document.vn;

import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.image.RgbImage;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the printed fields of a straightened chip-CCCD front (1000 x 630, as {@code CardLocator}
 * rectifies it) with Vietnamese OCR, by its bilingual labels rather than fixed positions: a value
 * follows its label on the same line ("Số / No.: ...") or stands on the next line ("Họ và tên /
 * Full name:" then the name). Labels are matched without diacritics and tolerate common OCR slips.
 * Each field is flagged to be reviewed when it fails its own format check.
 */
public final class CccdFrontReader {

    private static final Pattern NUMBER = Pattern.compile("(\\d[\\d ]{10,14}\\d)");
    private static final Pattern DATE = Pattern.compile("(\\d{2})\\s*[/.-]\\s*(\\d{2})\\s*[/.-]\\s*(\\d{4})");
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** One read field: the value as printed, and whether a person should check it. */
    public record Field(String value, boolean toBeReviewed) {
    }

    private final TextRecognizer ocr;

    /** @param ocr a Vietnamese recogniser */
    public CccdFrontReader(TextRecognizer ocr) {
        this.ocr = ocr;
    }

    public Map<String, Field> read(RgbImage card) {
        double sx = card.width() / 1000.0;
        double sy = card.height() / 630.0;
        // The text column right of the portrait, enlarged 2x; and the expiry under the portrait.
        List<String> lines = ocr.lines(card.bilinear((float) (260 * sx), (float) (190 * sy), (float) (740 * sx),
                (float) (440 * sy), 1480, 880), null);
        List<String> expiryLines = ocr.lines(card.bilinear((float) (20 * sx), (float) (500 * sy), (float) (250 * sx),
                (float) (110 * sy), 500, 220), null);
        Map<String, Field> fields = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String folded = fold(line);
            String next = i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
            if (folded.contains("so /") || folded.startsWith("so") && folded.contains("no")) {
                Matcher m = NUMBER.matcher(line);
                if (m.find()) {
                    String number = m.group(1).replace(" ", "");
                    fields.putIfAbsent("id_number", new Field(number, !number.matches("\\d{12}")));
                }
            } else if (folded.contains("full name") || folded.contains("ho va ten")) {
                String name = afterLabel(line);
                String value = mergeSplitVowels(name.isEmpty() ? next : name);
                fields.putIfAbsent("full_name", new Field(value, !value.matches("[\\p{L} ]{3,}")));
            } else if (folded.contains("date of b") || folded.contains("ngay sinh")) {
                fields.putIfAbsent("date_of_birth", date(line));
            }
            if (folded.contains("sex") || folded.contains("gioi tinh")) {
                String sex = folded.contains(" nu") || line.contains("Nữ") ? "Nữ" : folded.contains("nam") ? "Nam" : "";
                fields.putIfAbsent("sex", new Field(sex, sex.isEmpty()));
            }
            if (folded.contains("nationality") || folded.contains("quoc tich")) {
                String value = line.substring(line.lastIndexOf(':') + 1).strip();
                fields.putIfAbsent("nationality", new Field(value, value.isEmpty()));
            }
            if (folded.contains("place of or") || folded.contains("que quan")) {
                fields.putIfAbsent("place_of_origin", new Field(next, next.isEmpty()));
            }
            if (folded.contains("place of res") || folded.contains("noi thuong tru")) {
                String value = String.join(" ", lines.subList(Math.min(i + 1, lines.size()), lines.size())).strip();
                fields.putIfAbsent("place_of_residence", new Field(value, value.isEmpty()));
            }
        }
        String expiryText = String.join(" ", expiryLines);
        if (fold(expiryText).contains("khong thoi han")) {
            fields.put("date_of_expiry", new Field("Không thời hạn", false));
        } else {
            fields.put("date_of_expiry", date(expiryText));
        }
        return fields;
    }

    /**
     * OCR sometimes reads a capital with a tone mark as the plain letter plus the marked one ("XUÂAN"
     * for XUÂN). A plain A, E or O next to a marked form of the same vowel never occurs in a
     * Vietnamese syllable, so the pair becomes the marked letter. (Ư next to U does occur: not touched.)
     */
    static String mergeSplitVowels(String name) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (i + 1 < name.length()) {
                char d = name.charAt(i + 1);
                String bc = fold(String.valueOf(c));
                String bd = fold(String.valueOf(d));
                boolean sameBase = bc.equals(bd) && "aeo".contains(bc) && !bc.isEmpty();
                boolean cPlain = bc.equalsIgnoreCase(String.valueOf(c));
                boolean dPlain = bd.equalsIgnoreCase(String.valueOf(d));
                if (sameBase && cPlain != dPlain) {
                    out.append(cPlain ? d : c);
                    i += 2;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static Field date(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.find()) {
            return new Field("", true);
        }
        String value = m.group(1) + "/" + m.group(2) + "/" + m.group(3);
        try {
            LocalDate.parse(value, PRINTED);
            return new Field(value, false);
        } catch (DateTimeParseException e) {
            return new Field(value, true);
        }
    }

    private static String afterLabel(String line) {
        int colon = line.lastIndexOf(':');
        return colon < 0 ? "" : line.substring(colon + 1).strip();
    }

    static String fold(String text) {
        String plain = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        // Frequent OCR slips in the English labels: l for i ("blrth", "orlgin", "explry").
        return plain.replace("blrth", "birth").replace("orlgin", "origin").replace("explry", "expiry");
    }
}
