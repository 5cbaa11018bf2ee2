package io.openekyc.vision.document.mrz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an MRZ from OCR output: picks the lines that look like MRZ, fixes their length (runs of
 * {@code <} are what OCR miscounts most), and repairs character confusions guided by the check
 * digits: in numeric fields letters become the digits they resemble (O/0, I/1, B/8, S/5, Z/2, G/6),
 * and where a check digit fails, ambiguous characters of the field are tried both ways until it
 * passes. Names get the reverse mapping (digits to letters). Every change is listed in the result.
 */
public final class MrzReader {

    private static final Map<Character, Character> TO_DIGIT = Map.of('O', '0', 'Q', '0', 'D', '0', 'I', '1',
            'L', '1', 'B', '8', 'S', '5', 'Z', '2', 'G', '6', 'T', '7');
    private static final Map<Character, Character> TO_LETTER = Map.of('0', 'O', '1', 'I', '8', 'B', '5', 'S',
            '2', 'Z', '6', 'G', '7', 'T', '4', 'A');

    private MrzReader() {
    }

    /** The best MRZ in these OCR lines, or null when none has an MRZ's shape. */
    public static MrzResult read(List<String> ocrLines) {
        List<String> candidates = new ArrayList<>();
        for (String raw : ocrLines) {
            String line = normalise(raw);
            // MRZ lines are long and full of fillers or digits; prose lines are not.
            if (line.length() >= 25 && (line.contains("<") || line.chars().filter(Character::isDigit).count() > 8)) {
                candidates.add(line);
            }
        }
        for (MrzFormat format : new MrzFormat[] {MrzFormat.TD3, MrzFormat.TD1, MrzFormat.TD2}) {
            int n = format.lines();
            for (int start = candidates.size() - n; start >= 0; start--) {
                List<String> window = candidates.subList(start, start + n);
                if (window.stream().allMatch(l -> Math.abs(l.length() - format.length()) <= 3)) {
                    return repair(window, format.length());
                }
            }
        }
        return null;
    }

    static String normalise(String raw) {
        StringBuilder out = new StringBuilder();
        for (char c : raw.toUpperCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<') {
                out.append(c);
            } else if (c == '«' || c == '‹' || c == '(' || c == '[' || c == '{') {
                out.append('<');
            }
            // spaces and other noise are dropped
        }
        return out.toString();
    }

    static MrzResult repair(List<String> raw, int length) {
        // A line one or two characters too long often has a spurious character inside (not only
        // extra fillers at the end): try dropping each one, keep the reading most check digits accept.
        List<List<String>> variants = new ArrayList<>();
        variants.add(raw);
        for (int n = 0; n < raw.size(); n++) {
            String line = raw.get(n);
            String trimmed = line.replaceAll("<+$", "");
            if (line.length() > length && trimmed.length() > length - 1 && trimmed.length() <= length + 2) {
                for (int i = 0; i < line.length(); i++) {
                    List<String> variant = new ArrayList<>(raw);
                    variant.set(n, line.substring(0, i) + line.substring(i + 1));
                    variants.add(variant);
                }
            }
        }
        MrzResult best = null;
        for (List<String> variant : variants) {
            MrzResult result = repairFitted(variant, length);
            if (result != null && (best == null || validChecks(result) > validChecks(best))) {
                best = result;
            }
        }
        return best;
    }

    private static long validChecks(MrzResult result) {
        return result.checks().stream().filter(c -> Boolean.TRUE.equals(c.valid())).count();
    }

    private static MrzResult repairFitted(List<String> raw, int length) {
        List<String> repairs = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String line : raw) {
            String fixed = fitLength(line, length);
            if (!fixed.equals(line)) {
                repairs.add("length of '" + line + "' fixed to " + length);
            }
            lines.add(fixed);
        }
        MrzFormat format = MrzFormat.of(lines);
        if (format == null) {
            return null;
        }
        char[][] chars = lines.stream().map(String::toCharArray).toArray(char[][]::new);
        int[] names = namesZone(format);
        if (names != null) {
            fillerTail(chars[names[0]], names[1], names[2], repairs);
        }
        for (int[] span : numericSpans(format)) {
            toDigits(chars[span[0]], span[1], span[2], repairs);
        }
        for (int[] span : nameSpans(format)) {
            toLetters(chars[span[0]], span[1], span[2], repairs);
        }
        List<String> current = toLines(chars);
        MrzResult result = MrzParser.parse(current, repairs);
        // Fields with check digits: where the check fails, or where it passes but the field mixes
        // look-alike letters into digits (a check digit passes one wrong reading in ten), try the
        // ambiguous characters both ways, keeping the field's character type where possible.
        int[] doc = documentNumberSpan(format);
        result = fix(result, doc[0], doc[1], doc[2], "document_number", repairs);
        if (format == MrzFormat.TD3) {
            result = fix(result, 1, 28, 42, "personal_number", repairs);
        }
        // Optional data is protected only by the composite check digit.
        for (int[] span : optionalSpans(format)) {
            result = fix(result, span[0], span[1], span[2], "composite", repairs);
        }
        return result;
    }

    /** {line, from, to} of SURNAME<<GIVEN<NAMES<<<, or null. */
    private static int[] namesZone(MrzFormat format) {
        return switch (format) {
            case TD1 -> new int[] {2, 0, 30};
            case TD2, MRV_B, TD3, MRV_A -> new int[] {0, 5, format.length()};
            case FRENCH_ID -> null;
        };
    }

    /**
     * After the given names (ended by the second {@code <<}) only fillers follow; OCR turns long filler
     * runs into K, L, C and E (the shapes nearest to {@code <}), so the tail is reset to fillers.
     */
    static void fillerTail(char[] line, int from, int to, List<String> repairs) {
        String zone = new String(line, from, to - from);
        int surnameEnd = zone.indexOf("<<");
        if (surnameEnd < 0) {
            return;
        }
        int givenEnd = zone.indexOf("<<", surnameEnd + 2);
        if (givenEnd < 0) {
            return;
        }
        boolean changed = false;
        for (int i = from + givenEnd; i < to; i++) {
            if (line[i] != '<') {
                line[i] = '<';
                changed = true;
            }
        }
        if (changed) {
            repairs.add("names: characters after the given names read as fillers");
        }
    }

    private static boolean isNameLine(MrzFormat format, int line) {
        return format == MrzFormat.TD1 ? line == 2 : line == 0;
    }

    /** In a line without names, a K, L or C between two fillers is a misread filler. */
    static void lonelyFillers(char[] line, List<String> repairs) {
        for (int i = 1; i < line.length - 1; i++) {
            if ((line[i] == 'K' || line[i] == 'L' || line[i] == 'C') && line[i - 1] == '<' && line[i + 1] == '<') {
                repairs.add("'" + line[i] + "' between fillers read as '<' at " + i);
                line[i] = '<';
            }
        }
    }

    /** Pads with fillers or drops trailing fillers (OCR adds and loses them in runs). */
    static String fitLength(String line, int length) {
        if (line.length() < length) {
            return line + "<".repeat(length - line.length());
        }
        String trimmed = line;
        while (trimmed.length() > length && trimmed.endsWith("<<")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.length() > length ? trimmed.substring(0, length) : trimmed;
    }

    /** {line, from, to}: positions that must be digits (dates and check digits). */
    private static int[][] numericSpans(MrzFormat format) {
        return switch (format) {
            case TD1 -> new int[][] {{0, 14, 15}, {1, 0, 7}, {1, 8, 15}, {1, 29, 30}};
            case TD2 -> new int[][] {{1, 9, 10}, {1, 13, 20}, {1, 21, 28}, {1, 35, 36}};
            case MRV_B, MRV_A -> new int[][] {{1, 9, 10}, {1, 13, 20}, {1, 21, 28}};
            case TD3 -> new int[][] {{1, 9, 10}, {1, 13, 20}, {1, 21, 28}, {1, 42, 44}};
            case FRENCH_ID -> new int[][] {{1, 12, 13}, {1, 27, 34}, {1, 35, 36}};
        };
    }

    /** {line, from, to}: positions that hold names and country codes (letters only). */
    private static int[][] nameSpans(MrzFormat format) {
        return switch (format) {
            case TD1 -> new int[][] {{0, 0, 5}, {1, 15, 18}, {2, 0, 30}};
            case TD2, MRV_B, TD3, MRV_A -> new int[][] {{0, 0, format.length()}, {1, 10, 13}};
            case FRENCH_ID -> new int[][] {{0, 0, 30}, {1, 13, 27}};
        };
    }

    /** {line, from, to, check position} of the document number. */
    private static int[] documentNumberSpan(MrzFormat format) {
        return switch (format) {
            case TD1 -> new int[] {0, 5, 14, 14};
            case FRENCH_ID -> new int[] {1, 0, 12, 12};
            default -> new int[] {1, 0, 9, 9};
        };
    }

    private static void toDigits(char[] line, int from, int to, List<String> repairs) {
        for (int i = from; i < to; i++) {
            Character digit = TO_DIGIT.get(line[i]);
            if (digit != null) {
                repairs.add("'" + line[i] + "' read as '" + digit + "' at " + i);
                line[i] = digit;
            }
        }
    }

    private static void toLetters(char[] line, int from, int to, List<String> repairs) {
        for (int i = from; i < to; i++) {
            Character letter = TO_LETTER.get(line[i]);
            if (letter != null) {
                repairs.add("'" + line[i] + "' read as '" + letter + "' at " + i);
                line[i] = letter;
            }
        }
    }

    private static MrzResult fix(MrzResult result, int lineIndex, int from, int to, String check, List<String> repairs) {
        if (!result.hasCheck(check)) {
            return result;
        }
        char[][] chars = result.lines().stream().map(String::toCharArray).toArray(char[][]::new);
        boolean failing = Boolean.FALSE.equals(result.check(check));
        boolean mixed = majorityMask(chars[lineIndex], from, to, ambiguousPositions(chars[lineIndex], from, to),
                check.equals("document_number")) != 0;
        if (!failing && !mixed) {
            return result;
        }
        MrzResult fixed = searchFix(chars, lineIndex, from, to, check, result.repairs(), !failing);
        return fixed == null ? result : fixed;
    }

    private static List<Integer> ambiguousPositions(char[] line, int from, int to) {
        List<Integer> ambiguous = new ArrayList<>();
        for (int i = from; i < to && ambiguous.size() < 10; i++) {
            if (TO_DIGIT.containsKey(line[i]) || TO_LETTER.containsKey(line[i])) {
                ambiguous.add(i);
            }
        }
        return ambiguous;
    }

    /** {line, from, to}: optional data, covered only by the composite check digit. */
    private static int[][] optionalSpans(MrzFormat format) {
        return switch (format) {
            case TD1 -> new int[][] {{0, 15, 30}, {1, 18, 29}};
            case TD3 -> new int[][] {{1, 28, 42}};
            case TD2 -> new int[][] {{1, 28, 35}};
            default -> new int[0][];
        };
    }

    /**
     * Flips ambiguous characters of line[from, to) until the named check passes (and the composite
     * too, when there is one and another variant satisfies both); null when nothing works.
     */
    private static MrzResult searchFix(char[][] chars, int lineIndex, int from, int to, String check,
                                       List<String> repairs, boolean onlyTypeConsistent) {
        char[] line = chars[lineIndex];
        List<Integer> ambiguous = ambiguousPositions(line, from, to);
        List<Integer> masks = new ArrayList<>();
        for (int mask = 1; mask < (1 << ambiguous.size()); mask++) {
            masks.add(mask);
        }
        // OCR errors keep a field's character type: first the variant that turns every ambiguous
        // character into the field's majority type, then fewest changes first, and among those
        // fewest digit-to-letter changes (numbers are mostly digits).
        masks.sort(java.util.Comparator.comparingInt(Integer::bitCount)
                .thenComparingInt(mask -> digitToLetterFlips(line, ambiguous, mask)));
        int majority = majorityMask(line, from, to, ambiguous, check.equals("document_number"));
        if (onlyTypeConsistent) {
            // The field already passes: only the type-consistent reading may replace it.
            masks = majority == 0 ? List.of() : List.of(majority);
        } else if (majority != 0) {
            masks.remove(Integer.valueOf(majority));
            masks.addFirst(majority);
        }
        MrzResult fallback = null;
        for (int mask : masks) {
            char[][] trial = new char[chars.length][];
            for (int n = 0; n < chars.length; n++) {
                trial[n] = chars[n].clone();
            }
            for (int b = 0; b < ambiguous.size(); b++) {
                if ((mask & (1 << b)) != 0) {
                    int i = ambiguous.get(b);
                    char c = trial[lineIndex][i];
                    trial[lineIndex][i] = TO_DIGIT.containsKey(c) ? TO_DIGIT.get(c) : TO_LETTER.get(c);
                }
            }
            List<String> attempt = new ArrayList<>(repairs);
            attempt.add(check + ": '" + new String(line, from, to - from) + "' read as '"
                    + new String(trial[lineIndex], from, to - from) + "' (check digit)");
            MrzResult result = MrzParser.parse(toLines(trial), attempt);
            if (Boolean.TRUE.equals(result.check(check))) {
                if (!Boolean.FALSE.equals(result.check("composite"))) {
                    return result;
                }
                if (fallback == null) {
                    fallback = result;
                }
            }
        }
        return fallback;
    }

    /** The flips that turn every ambiguous character into the majority type of the field (digits or letters). */
    private static int majorityMask(char[] line, int from, int to, List<Integer> ambiguous, boolean keepLetterPrefix) {
        int digits = 0;
        int letters = 0;
        for (int i = from; i < to; i++) {
            if (Character.isDigit(line[i])) {
                digits++;
            } else if (line[i] != '<') {
                letters++;
            }
        }
        boolean toDigits = digits >= letters;
        // A leading letter prefix (as in passport numbers like L898902C3) is part of the format, not noise.
        int firstDigit = from;
        while (firstDigit < to && !Character.isDigit(line[firstDigit])) {
            firstDigit++;
        }
        int mask = 0;
        for (int b = 0; b < ambiguous.size(); b++) {
            char c = line[ambiguous.get(b)];
            if (keepLetterPrefix && toDigits && ambiguous.get(b) < firstDigit) {
                continue;
            }
            if (toDigits != Character.isDigit(c)) {
                mask |= 1 << b;
            }
        }
        return mask;
    }

    private static int digitToLetterFlips(char[] line, List<Integer> ambiguous, int mask) {
        int count = 0;
        for (int b = 0; b < ambiguous.size(); b++) {
            if ((mask & (1 << b)) != 0 && Character.isDigit(line[ambiguous.get(b)])) {
                count++;
            }
        }
        return count;
    }

    private static List<String> toLines(char[][] chars) {
        List<String> lines = new ArrayList<>();
        for (char[] line : chars) {
            lines.add(new String(line));
        }
        return lines;
    }
}
