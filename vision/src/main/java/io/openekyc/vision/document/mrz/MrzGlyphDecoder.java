package io.openekyc.vision.document.mrz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns per-cell character scores into an MRZ. The layout says which cells hold digits (dates,
 * check digits), which hold letters (codes, names) and which may hold either, so each cell takes its
 * best-scoring allowed character; then, while check digits fail, the runner-up characters that
 * cost the least score are tried (singly, then in pairs) and a change is kept when it makes a failing
 * check pass without breaking a passing one.
 */
final class MrzGlyphDecoder {

    private static final String ALPHABET = OcrBTemplates.ALPHABET;
    /** A runner-up further than this below the best reading is not a plausible misreading. */
    private static final float MAX_DROP = 0.3f;
    private static final int SINGLES = 30;
    private static final int PAIRS = 12;

    /** A possible change: this character at (line, position), scoring {@code drop} below the chosen one. */
    private record Alternative(int line, int position, char character, float drop) {
    }

    private MrzGlyphDecoder() {
    }

    /**
     * The MRZ read from scores[line][position][character in ALPHABET order] (higher = more alike),
     * or null when the lines have no MRZ shape.
     */
    static MrzResult decode(float[][][] scores) {
        int length = scores[0].length;
        MrzFormat format = format(scores.length, length, best(scores[0], 0, ANY) + "" + best(scores[0], 1, ANY)
                + best(scores[0], 2, ANY) + best(scores[0], 3, ANY) + best(scores[0], 4, ANY));
        if (format == null) {
            return null;
        }
        String[] pattern = pattern(format);
        scores = favourMajorityType(scores, pattern);
        char[][] chars = new char[scores.length][length];
        List<Alternative> alternatives = new ArrayList<>();
        for (int l = 0; l < scores.length; l++) {
            for (int p = 0; p < length; p++) {
                String allowed = allowed(pattern[l].charAt(p));
                char chosen = best(scores[l], p, allowed);
                chars[l][p] = chosen;
                float top = scores[l][p][ALPHABET.indexOf(chosen)];
                for (char c : allowed.toCharArray()) {
                    float drop = top - scores[l][p][ALPHABET.indexOf(c)];
                    if (c != chosen && drop < MAX_DROP) {
                        alternatives.add(new Alternative(l, p, c, drop));
                    }
                }
            }
        }
        alternatives.sort(Comparator.comparingDouble(Alternative::drop));
        List<String> repairs = new ArrayList<>();
        for (int round = 0; round < 6 && failing(chars) > 0; round++) {
            if (!improve(chars, alternatives, repairs)) {
                break;
            }
        }
        return MrzParser.parse(lines(chars), repairs);
    }

    /** Applies the cheapest single change, else pair of changes, that fixes a check; false when none does. */
    private static boolean improve(char[][] chars, List<Alternative> alternatives, List<String> repairs) {
        MrzResult before = MrzParser.parse(lines(chars));
        List<Alternative> singles = alternatives.subList(0, Math.min(SINGLES, alternatives.size()));
        for (Alternative a : singles) {
            if (tryChanges(chars, before, List.of(a), repairs)) {
                return true;
            }
        }
        List<Alternative> few = alternatives.subList(0, Math.min(PAIRS, alternatives.size()));
        List<List<Alternative>> pairs = new ArrayList<>();
        for (int i = 0; i < few.size(); i++) {
            for (int j = i + 1; j < few.size(); j++) {
                Alternative a = few.get(i);
                Alternative b = few.get(j);
                if (a.line() != b.line() || a.position() != b.position()) {
                    pairs.add(List.of(a, b));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(p -> p.get(0).drop() + p.get(1).drop()));
        for (List<Alternative> pair : pairs) {
            if (tryChanges(chars, before, pair, repairs)) {
                return true;
            }
        }
        return false;
    }

    private static boolean tryChanges(char[][] chars, MrzResult before, List<Alternative> changes, List<String> repairs) {
        char[] saved = new char[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            Alternative a = changes.get(i);
            saved[i] = chars[a.line()][a.position()];
            chars[a.line()][a.position()] = a.character();
        }
        MrzResult after = MrzParser.parse(lines(chars));
        if (better(after, before)) {
            for (int i = 0; i < changes.size(); i++) {
                Alternative a = changes.get(i);
                repairs.add("check digits: '" + saved[i] + "' read as '" + a.character() + "' at line " + (a.line() + 1)
                        + ", position " + (a.position() + 1));
            }
            return true;
        }
        for (int i = 0; i < changes.size(); i++) {
            chars[changes.get(i).line()][changes.get(i).position()] = saved[i];
        }
        return false;
    }

    /** Fewer failing checks, and no check that passed before fails now. */
    private static boolean better(MrzResult after, MrzResult before) {
        for (MrzCheck check : before.checks()) {
            if (Boolean.TRUE.equals(check.valid()) && !Boolean.TRUE.equals(after.check(check.field()))) {
                return false;
            }
        }
        return failing(after) < failing(before);
    }

    private static int failing(char[][] chars) {
        return failing(MrzParser.parse(lines(chars)));
    }

    private static int failing(MrzResult result) {
        return (int) result.checks().stream().filter(c -> Boolean.FALSE.equals(c.valid())).count();
    }

    private static List<String> lines(char[][] chars) {
        List<String> lines = new ArrayList<>();
        for (char[] line : chars) {
            lines.add(new String(line));
        }
        return lines;
    }

    /**
     * Free fields (document numbers, optional data) are mostly all digits or all letters, and the
     * glyph pairs OCR-B draws alike (O and 0) are told apart there by a small advantage for the
     * field's majority type: enough to settle a near tie, far too little to change a clear letter
     * in a number (the C of L898902C3).
     */
    private static float[][][] favourMajorityType(float[][][] scores, String[] pattern) {
        float[][][] out = new float[scores.length][][];
        for (int l = 0; l < scores.length; l++) {
            out[l] = new float[scores[l].length][];
            for (int p = 0; p < scores[l].length; p++) {
                out[l][p] = scores[l][p].clone();
            }
            for (int from = 0; from < pattern[l].length(); from++) {
                if (pattern[l].charAt(from) != 'A' || (from > 0 && pattern[l].charAt(from - 1) == 'A')) {
                    continue;
                }
                int to = from;
                int digits = 0;
                int letters = 0;
                while (to < pattern[l].length() && pattern[l].charAt(to) == 'A') {
                    // Only characters without a look-alike of the other type vote.
                    char c = best(scores[l], to, ANY);
                    if (LOOK_ALIKES.indexOf(c) < 0) {
                        digits += Character.isDigit(c) ? 1 : 0;
                        letters += Character.isLetter(c) ? 1 : 0;
                    }
                    to++;
                }
                String favoured = digits > 2 * letters ? "0123456789" : letters > 2 * digits ? "ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "";
                for (int p = from; p < to; p++) {
                    for (char c : favoured.toCharArray()) {
                        out[l][p][ALPHABET.indexOf(c)] += TYPE_ADVANTAGE;
                    }
                }
            }
        }
        return out;
    }

    private static final float TYPE_ADVANTAGE = 0.03f;
    private static final String LOOK_ALIKES = "O0QDI1B8S5Z2G6";
    private static final String ANY = ALPHABET;
    private static final String DIGITS = "0123456789<";
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ<";

    private static String allowed(char kind) {
        return switch (kind) {
            case 'D' -> DIGITS;
            case 'L' -> LETTERS;
            default -> ANY;
        };
    }

    private static char best(float[][] line, int position, String allowed) {
        char best = '<';
        float top = Float.NEGATIVE_INFINITY;
        for (char c : allowed.toCharArray()) {
            float score = line[position][ALPHABET.indexOf(c)];
            if (score > top) {
                top = score;
                best = c;
            }
        }
        return best;
    }

    private static MrzFormat format(int lines, int length, String start) {
        if (lines == 3 && length == 30) {
            return MrzFormat.TD1;
        }
        if (lines != 2) {
            return null;
        }
        return switch (length) {
            case 44 -> start.charAt(0) == 'V' ? MrzFormat.MRV_A : MrzFormat.TD3;
            case 36 -> start.equals("IDFRA") ? MrzFormat.FRENCH_ID : start.charAt(0) == 'V' ? MrzFormat.MRV_B : MrzFormat.TD2;
            default -> null;
        };
    }

    /**
     * Per line, the kind of every cell (ICAO 9303 parts 4-7): D digit or filler (dates, check
     * digits), L letter or filler (codes, sex, nationality, names), A anything (numbers, optional data).
     */
    static String[] pattern(MrzFormat format) {
        return switch (format) {
            case TD1 -> new String[] {"LLLLL" + "A".repeat(9) + "D" + "A".repeat(15),
                    "DDDDDDDLDDDDDDDLLL" + "A".repeat(11) + "D", "L".repeat(30)};
            case TD2 -> new String[] {"L".repeat(36), "A".repeat(9) + "DLLLDDDDDDDLDDDDDDD" + "A".repeat(7) + "D"};
            case MRV_B -> new String[] {"L".repeat(36), "A".repeat(9) + "DLLLDDDDDDDLDDDDDDD" + "A".repeat(8)};
            case TD3 -> new String[] {"L".repeat(44), "A".repeat(9) + "DLLLDDDDDDDLDDDDDDD" + "A".repeat(14) + "DD"};
            case MRV_A -> new String[] {"L".repeat(44), "A".repeat(9) + "DLLLDDDDDDDLDDDDDDD" + "A".repeat(16)};
            case FRENCH_ID -> new String[] {"L".repeat(30) + "A".repeat(6), "A".repeat(12) + "D" + "L".repeat(14) + "DDDDDDDLD"};
        };
    }
}
