package io.openekyc.vision.document.mrz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict ICAO 9303 parsing of exactly-sized MRZ lines, with every check digit (7-3-1 weights;
 * {@code <} = 0, A-Z = 10-35). TD1 document numbers longer than nine characters continue in the
 * optional data, as ICAO specifies. France's pre-2021 ID card (2 x 36, not ICAO) has its own layout.
 */
public final class MrzParser {

    private MrzParser() {
    }

    /** The ICAO check digit of a string. */
    public static int checkDigit(CharSequence value) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < value.length(); i++) {
            sum += charValue(value.charAt(i)) * weights[i % 3];
        }
        return sum % 10;
    }

    static int charValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return 0; // '<' and anything unreadable
    }

    public static MrzResult parse(List<String> lines) {
        return parse(lines, List.of());
    }

    static MrzResult parse(List<String> lines, List<String> repairs) {
        MrzFormat format = MrzFormat.of(lines);
        if (format == null) {
            throw new IllegalArgumentException("not an MRZ: expected 3 lines of 30 or 2 lines of 36 or 44 characters");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<MrzCheck> checks = new ArrayList<>();
        String l1 = lines.get(0);
        String l2 = lines.get(1);
        switch (format) {
            case TD1 -> {
                fields.put("document_code", clean(l1.substring(0, 2)));
                fields.put("issuing_state", clean(l1.substring(2, 5)));
                String optional1 = l1.substring(15, 30);
                if (l1.charAt(14) == '<' && optional1.charAt(0) != '<') {
                    // Long document number: its tail and then its check digit stand in the optional data.
                    int end = optional1.indexOf('<');
                    end = end < 0 ? optional1.length() : end;
                    String number = l1.substring(5, 14) + optional1.substring(0, end - 1);
                    fields.put("document_number", clean(number));
                    checks.add(check("document_number", number, optional1.charAt(end - 1)));
                    fields.put("optional_data_1", clean(optional1.substring(end)));
                } else {
                    fields.put("document_number", clean(l1.substring(5, 14)));
                    checks.add(check("document_number", l1.substring(5, 14), l1.charAt(14)));
                    fields.put("optional_data_1", clean(optional1));
                }
                dates(l2, 0, fields, checks);
                fields.put("nationality", clean(l2.substring(15, 18)));
                fields.put("optional_data_2", clean(l2.substring(18, 29)));
                checks.add(check("composite", l1.substring(5, 30) + l2.substring(0, 7) + l2.substring(8, 15)
                        + l2.substring(18, 29), l2.charAt(29)));
                names(lines.get(2), fields);
            }
            case TD2, MRV_B, TD3, MRV_A -> {
                fields.put("document_code", clean(l1.substring(0, 2)));
                fields.put("issuing_state", clean(l1.substring(2, 5)));
                names(l1.substring(5), fields);
                fields.put("document_number", clean(l2.substring(0, 9)));
                checks.add(check("document_number", l2.substring(0, 9), l2.charAt(9)));
                fields.put("nationality", clean(l2.substring(10, 13)));
                dates(l2, 13, fields, checks);
                int length = format.length();
                if (format == MrzFormat.TD3) {
                    fields.put("personal_number", clean(l2.substring(28, 42)));
                    checks.add(check("personal_number", l2.substring(28, 42), l2.charAt(42)));
                    checks.add(check("composite", l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 43),
                            l2.charAt(43)));
                } else if (format == MrzFormat.TD2) {
                    fields.put("optional_data_1", clean(l2.substring(28, 35)));
                    checks.add(check("composite", l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 35),
                            l2.charAt(35)));
                } else {
                    // Visas carry optional data to the end of the line and no composite check digit.
                    fields.put("optional_data_1", clean(l2.substring(28, length)));
                }
            }
            case FRENCH_ID -> {
                fields.put("document_code", "ID");
                fields.put("issuing_state", "FRA");
                fields.put("surname", clean(l1.substring(5, 30)));
                fields.put("issuing_department", clean(l1.substring(30, 33)));
                fields.put("issuing_office", clean(l1.substring(33, 36)));
                fields.put("document_number", clean(l2.substring(0, 12)));
                checks.add(check("document_number", l2.substring(0, 12), l2.charAt(12)));
                fields.put("given_names", clean(l2.substring(13, 27)).replace("  ", ", "));
                fields.put("birth_date", l2.substring(27, 33));
                checks.add(check("birth_date", l2.substring(27, 33), l2.charAt(33)));
                fields.put("sex", sex(l2.charAt(34)));
                fields.put("nationality", "FRA");
                checks.add(check("composite", l1 + l2.substring(0, 35), l2.charAt(35)));
            }
            default -> throw new IllegalStateException(format.name());
        }
        boolean valid = checks.stream().allMatch(c -> c.valid() == null || c.valid());
        return new MrzResult(format, List.copyOf(lines), valid, fields, checks, List.copyOf(repairs));
    }

    /** Birth date, check, sex, expiry date, check, starting at {@code at} of the line. */
    private static void dates(String line, int at, Map<String, String> fields, List<MrzCheck> checks) {
        fields.put("birth_date", line.substring(at, at + 6));
        checks.add(check("birth_date", line.substring(at, at + 6), line.charAt(at + 6)));
        fields.put("sex", sex(line.charAt(at + 7)));
        fields.put("expiry_date", line.substring(at + 8, at + 14));
        checks.add(check("expiry_date", line.substring(at + 8, at + 14), line.charAt(at + 14)));
    }

    private static void names(String zone, Map<String, String> fields) {
        int split = zone.indexOf("<<");
        String surname = split < 0 ? zone : zone.substring(0, split);
        String given = split < 0 ? "" : zone.substring(split + 2);
        fields.put("surname", clean(surname));
        fields.put("given_names", clean(given));
    }

    private static MrzCheck check(String field, String value, char printed) {
        if (printed == '<') {
            // A filler in the check position is allowed for an empty field, not for one with content.
            boolean empty = value.chars().allMatch(c -> c == '<');
            return new MrzCheck(field, printed, empty ? null : Boolean.FALSE);
        }
        if (printed < '0' || printed > '9') {
            return new MrzCheck(field, printed, false);
        }
        return new MrzCheck(field, printed, checkDigit(value) == printed - '0');
    }

    private static String sex(char c) {
        return switch (c) {
            case 'M' -> "M";
            case 'F' -> "F";
            default -> "X";
        };
    }

    /** Fillers to spaces, trimmed, runs collapsed. */
    static String clean(String value) {
        return value.replace('<', ' ').trim().replaceAll(" {3,}", "  ");
    }
}
