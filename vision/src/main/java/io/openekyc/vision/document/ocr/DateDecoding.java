package io.openekyc.vision.document.ocr;

import io.openekyc.vision.document.PrintedDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The dates a line's CTC steps (PP-OCR's per-step class probabilities) spell, scored. Reading each
 * step's likeliest character lets blur turn one stroke of a digit into another and give an impossible
 * or unlikely date ("23/11/1924" for 1994); the date printed is usually the likeliest of the possible
 * ones. The line is read as a run of steps holding anything but a digit (its label), the date
 * dd/MM/yyyy (a separator blur left unread may be missing), and anything but a digit again; a date's
 * score is the natural log of the probability of its likeliest alignment. A registration's closing line
 * prints the day and month among words ({@link Layout#WORDED}).
 */
public final class DateDecoding {

    /**
     * How a line prints its date, as templates: D, M, Y a digit of the day, month, year; / a separator
     * (blur may leave it unread); _ one or more steps of anything but a digit (words).
     */
    public enum Layout {
        /** 23/11/1994 (or with dashes or dots). */
        DAY_MONTH_YEAR("DD/MM/YYYY"),
        /** "ngày 7 tháng 5 năm 2023", a registration's closing line: day and month of one or two digits among words. */
        WORDED("D_M_YYYY", "DD_M_YYYY", "D_MM_YYYY", "DD_MM_YYYY");

        private final List<String> templates;

        Layout(String... templates) {
            this.templates = List.of(templates);
        }
    }

    /** The likeliest acceptable date and the log probability of its likeliest alignment. */
    public record Choice(String date, double score) {
    }

    /** Characters a blurred date separator is read as. */
    private static final String SEPARATORS = "/-.|17lI";
    /** Digits considered at each position, from the likeliest under the free alignment down. */
    private static final int DIGITS_PER_POSITION = 3;
    private static final double FLOOR = Math.log(1e-6);

    private final double[][] log;
    private final int[] digitClass = new int[10];
    /** Per digit, its log probability at each step. */
    private final double[][] digitColumns = new double[10][];
    /** Per step, the likeliest class that is not a digit (the label's and the blank's). */
    private final double[] free;
    private final double[] separator;
    private final double[] anyDigit;
    private final Layout layout;

    /**
     * @param steps per step, the probability of each class (class 0: CTC's blank; class i + 1: keys[i])
     * @param keys the model's characters
     */
    public DateDecoding(float[][] steps, List<String> keys) {
        this(steps, keys, Layout.DAY_MONTH_YEAR);
    }

    /** @param layout how the line prints its date */
    public DateDecoding(float[][] steps, List<String> keys, Layout layout) {
        this.layout = layout;
        int classes = steps.length == 0 ? 0 : steps[0].length;
        boolean[] isDigit = new boolean[classes];
        boolean[] isSeparator = new boolean[classes];
        for (int i = 0; i < keys.size() && i + 1 < classes; i++) {
            String key = keys.get(i);
            if (key.length() == 1 && key.charAt(0) >= '0' && key.charAt(0) <= '9') {
                digitClass[key.charAt(0) - '0'] = i + 1;
                isDigit[i + 1] = true;
            }
            isSeparator[i + 1] = key.length() == 1 && SEPARATORS.indexOf(key.charAt(0)) >= 0;
        }
        log = new double[steps.length][classes];
        free = new double[steps.length];
        separator = new double[steps.length];
        anyDigit = new double[steps.length];
        for (int t = 0; t < steps.length; t++) {
            free[t] = Double.NEGATIVE_INFINITY;
            separator[t] = Double.NEGATIVE_INFINITY;
            anyDigit[t] = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                log[t][c] = Math.max(FLOOR, Math.log(steps[t][c]));
                if (isDigit[c]) {
                    anyDigit[t] = Math.max(anyDigit[t], log[t][c]);
                } else {
                    free[t] = Math.max(free[t], log[t][c]);
                }
                if (isSeparator[c]) {
                    separator[t] = Math.max(separator[t], log[t][c]);
                }
            }
        }
        for (int d = 0; d < 10; d++) {
            digitColumns[d] = new double[steps.length];
            for (int t = 0; t < steps.length; t++) {
                digitColumns[d][t] = log[t][digitClass[d]];
            }
        }
    }

    /**
     * The likeliest date {@code acceptable} allows (as dd/MM/yyyy) among those spelt by the three
     * likeliest digits at each position; null when the line holds no date or no such date is acceptable.
     */
    public Choice choose(Predicate<LocalDate> acceptable) {
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        Set<String> seen = new HashSet<>();
        for (String template : layout.templates) {
            int[][] choices = digitChoices(template);
            if (choices == null) {
                continue;
            }
            for (String candidate : candidates(template, choices)) {
                LocalDate date = PrintedDate.parse(candidate);
                if (!seen.add(candidate) || date == null || !acceptable.test(date)) {
                    continue;
                }
                double score = score(candidate);
                if (score > bestScore) {
                    bestScore = score;
                    best = candidate;
                }
            }
        }
        return best == null ? null : new Choice(best, bestScore);
    }

    /** A date settled between two readings, and whether it is to be reviewed. */
    public record Settled(String date, boolean toBeReviewed) {
    }

    /** How much likelier (natural log) this line's date must be than another reader's to replace it. */
    public static final double LIKELIER = 1.0;

    /**
     * A date another reader (Tesseract) gave as {@code first} weighed against this line's: kept when this
     * line spells it, or no acceptable date, or one not {@value #LIKELIER} nats likelier than it (then it
     * is to be reviewed: the two readers differ); replaced by this line's likeliest acceptable date, to be
     * reviewed, when {@code first} is no acceptable date or is that much less likely.
     */
    public Settled settle(String first, boolean firstToBeReviewed, Predicate<LocalDate> acceptable) {
        Choice choice = choose(acceptable);
        if (choice == null || choice.date().equals(first)) {
            return new Settled(first, firstToBeReviewed);
        }
        LocalDate read = PrintedDate.parse(first);
        if (read != null && acceptable.test(read) && choice.score() - score(first) <= LIKELIER) {
            return new Settled(first, true);
        }
        return new Settled(choice.date(), true);
    }
    /** Whether the line holds a date as its layout prints it (digits shaped as a date, after its label). */
    public boolean holdsDate() {
        return layout.templates.stream().anyMatch(t -> digitChoices(t) != null);
    }

    /** Per position of {@code template}, the likeliest digits under the free alignment (null at others); null when the line holds no such date. */
    private int[][] digitChoices(String template) {
        int n = template.length();
        if (log.length < leastSteps(template)) {
            return null;
        }
        double[][] tokens = new double[n][];
        for (int p = 0; p < n; p++) {
            tokens[p] = switch (template.charAt(p)) {
                case '/' -> separator;
                case '_' -> free;
                default -> anyDigit;
            };
        }
        // The free alignment (any digit at each digit position) finds the steps each position spans.
        double[] score = {Double.NEGATIVE_INFINITY};
        int[][] spans = align(template, tokens, new int[n], score);
        double noDate = 0;
        for (double step : free) {
            noDate += step;
        }
        if (spans == null || score[0] <= noDate) {
            // The digits fit the line worse than none: it holds no date ("Không thời hạn", a label alone).
            return null;
        }
        int[][] choices = new int[n][];
        for (int p = 0; p < n; p++) {
            if (isDigit(template.charAt(p))) {
                choices[p] = likeliestDigits(spans[p]);
            }
        }
        return choices;
    }

    /**
     * The log probability of the likeliest alignment of {@code date} (dd/MM/yyyy) as the line's layout
     * prints it (a one-digit day or month with or without its zero where the layout allows both); -inf
     * when it is no such date or the line too short.
     */
    public double score(String date) {
        if (date == null || !date.matches("\\d{2}/\\d{2}/\\d{4}")) {
            return Double.NEGATIVE_INFINITY;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (String template : layout.templates) {
            String digits = printed(template, date);
            if (digits == null || log.length < leastSteps(template)) {
                continue;
            }
            int n = template.length();
            double[][] tokens = new double[n][];
            int[] labels = new int[n];
            for (int p = 0; p < n; p++) {
                char c = template.charAt(p);
                if (isDigit(c)) {
                    labels[p] = digitClass[digits.charAt(p) - '0'];
                    tokens[p] = digitColumns[digits.charAt(p) - '0'];
                } else {
                    tokens[p] = c == '/' ? separator : free;
                }
            }
            double[] score = {Double.NEGATIVE_INFINITY};
            align(template, tokens, labels, score);
            best = Math.max(best, score[0]);
        }
        return best;
    }

    /**
     * {@code date} (dd/MM/yyyy) as {@code template} prints it, one character per template position
     * (separators and gaps as they are); null when the template cannot print it (a one-digit day for day 23).
     */
    private static String printed(String template, String date) {
        String day = date.substring(0, 2);
        String month = date.substring(3, 5);
        String year = date.substring(6);
        int days = (int) template.chars().filter(c -> c == 'D').count();
        int months = (int) template.chars().filter(c -> c == 'M').count();
        if (days == 1 && day.charAt(0) != '0' || months == 1 && month.charAt(0) != '0') {
            return null;
        }
        day = day.substring(2 - days);
        month = month.substring(2 - months);
        StringBuilder out = new StringBuilder();
        int d = 0;
        int m = 0;
        int y = 0;
        for (char c : template.toCharArray()) {
            out.append(switch (c) {
                case 'D' -> day.charAt(d++);
                case 'M' -> month.charAt(m++);
                case 'Y' -> year.charAt(y++);
                default -> c;
            });
        }
        return out.toString();
    }

    /** The fewest steps a template's date takes: a digit or gap each, separators none (blur may leave them unread). */
    private static int leastSteps(String template) {
        return (int) template.chars().filter(c -> c != '/').count();
    }

    private static boolean isDigit(char templateChar) {
        return templateChar == 'D' || templateChar == 'M' || templateChar == 'Y';
    }

    /** The digits likeliest over a position's steps, best first. */
    private int[] likeliestDigits(int[] span) {
        double[] best = new double[10];
        Integer[] order = new Integer[10];
        for (int d = 0; d < 10; d++) {
            order[d] = d;
            best[d] = Double.NEGATIVE_INFINITY;
            for (int t = span[0]; t <= span[1]; t++) {
                best[d] = Math.max(best[d], log[t][digitClass[d]]);
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(best[b], best[a]));
        int[] digits = new int[DIGITS_PER_POSITION];
        for (int k = 0; k < DIGITS_PER_POSITION; k++) {
            digits[k] = order[k];
        }
        return digits;
    }

    /** Every date (as dd/MM/yyyy, a one-digit day or month zero-padded) the template's per-position digit choices spell. */
    private static List<String> candidates(String template, int[][] choices) {
        List<String> built = new ArrayList<>(List.of(""));
        for (int p = 0; p < template.length(); p++) {
            if (!isDigit(template.charAt(p))) {
                continue;
            }
            List<String> next = new ArrayList<>();
            for (String prefix : built) {
                for (int d : choices[p]) {
                    next.add(prefix + d);
                }
            }
            built = next;
        }
        List<String> dates = new ArrayList<>();
        for (String digits : built) {
            StringBuilder day = new StringBuilder();
            StringBuilder month = new StringBuilder();
            StringBuilder year = new StringBuilder();
            int k = 0;
            for (char c : template.toCharArray()) {
                switch (c) {
                    case 'D' -> day.append(digits.charAt(k++));
                    case 'M' -> month.append(digits.charAt(k++));
                    case 'Y' -> year.append(digits.charAt(k++));
                    default -> { }
                }
            }
            dates.add(padded(day) + "/" + padded(month) + "/" + year);
        }
        return dates;
    }

    private static String padded(CharSequence digits) {
        return digits.length() == 1 ? "0" + digits : digits.toString();
    }

    /**
     * CTC Viterbi over: free steps (label), the template's tokens with optional blanks between them
     * (two equal neighbouring tokens need a blank), free steps again. {@code tokens[p][t]}: token p's
     * log probability at step t; {@code labels[p]}: its class (0: a set of classes, never equal to its
     * neighbour). A separator may be skipped (blur can leave it unread: "20121960"); a gap (_) is one or
     * more steps. Returns each token's first and last step on the best path (null when the line is
     * too short), and its log probability in {@code score} when given.
     */
    private int[][] align(String template, double[][] tokens, int[] labels, double[] score) {
        int steps = free.length;
        int n = tokens.length;
        // States: 0 prefix; 1 + 2p token p; 2 + 2p blank after token p; 2n + 1 suffix (after the last token or its blank).
        int states = 2 * n + 2;
        double[][] v = new double[steps][states];
        int[][] from = new int[steps][states];
        for (double[] row : v) {
            Arrays.fill(row, Double.NEGATIVE_INFINITY);
        }
        v[0][0] = free[0];
        v[0][1] = tokens[0][0];
        for (int t = 1; t < steps; t++) {
            double blank = log[t][0];
            relax(v, from, t, 0, 0, free[t]);
            for (int p = 0; p < n; p++) {
                int token = 1 + 2 * p;
                int after = token + 1;
                relax(v, from, t, token, token, tokens[p][t]);
                if (p == 0) {
                    relax(v, from, t, token, 0, tokens[p][t]);
                } else {
                    relax(v, from, t, token, token - 1, tokens[p][t]);
                    if (labels[p] == 0 || labels[p] != labels[p - 1]) {
                        relax(v, from, t, token, token - 2, tokens[p][t]);
                    }
                    if (p >= 2 && template.charAt(p - 1) == '/') {
                        // Blur can leave a separator unread ("20121960"): the digits on either side may meet.
                        relax(v, from, t, token, token - 3, tokens[p][t]);
                        if (labels[p] == 0 || labels[p] != labels[p - 2]) {
                            relax(v, from, t, token, token - 4, tokens[p][t]);
                        }
                    }
                }
                relax(v, from, t, after, token, blank);
                relax(v, from, t, after, after, blank);
            }
            int suffix = states - 1;
            relax(v, from, t, suffix, suffix, free[t]);
            relax(v, from, t, suffix, 2 * n - 1, free[t]);
            relax(v, from, t, suffix, 2 * n, free[t]);
        }
        int end = -1;
        for (int s : new int[] {2 * n - 1, 2 * n, states - 1}) {
            if (end < 0 || v[steps - 1][s] > v[steps - 1][end]) {
                end = s;
            }
        }
        if (v[steps - 1][end] == Double.NEGATIVE_INFINITY) {
            return null;
        }
        if (score != null) {
            score[0] = v[steps - 1][end];
        }
        int[][] spans = new int[n][];
        int state = end;
        for (int t = steps - 1; t >= 0; t--) {
            if (state >= 1 && state < states - 1 && state % 2 == 1) {
                int p = (state - 1) / 2;
                spans[p] = spans[p] == null ? new int[] {t, t} : new int[] {t, spans[p][1]};
            }
            state = t == 0 ? state : from[t][state];
        }
        for (int p = 0; p < n; p++) {
            if (spans[p] == null && template.charAt(p) != '/') {
                return null;
            }
        }
        return spans;
    }

    private static void relax(double[][] v, int[][] from, int t, int to, int previous, double emission) {
        double candidate = v[t - 1][previous] + emission;
        if (candidate > v[t][to]) {
            v[t][to] = candidate;
            from[t][to] = previous;
        }
    }
}
