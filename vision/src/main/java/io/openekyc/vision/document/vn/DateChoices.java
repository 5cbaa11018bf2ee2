package io.openekyc.vision.document.vn;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Birth and expiry dates of a chip CCCD chosen among the digits OCR considered at each position,
 * under the rules that tie them: the number's digit 4 and digits 5-6 give the birth year's century
 * and last two digits, the card expires on the holder's birthday (same day and month) at age 25,
 * 40 or 60, and both are calendar dates. Every chosen digit must be one OCR actually considered at
 * its position, so nothing is invented; the pair with the highest summed confidence wins, a tie
 * settles nothing, and a pair resting on a digit OCR was unsure of, or a birth date without an expiry to
 * agree with, stays to be reviewed.
 */
final class DateChoices {

    /** Below this confidence a chosen digit was only a remote alternative: the date is kept but flagged. */
    static final double SURE = 0.3;
    private static final int[] EXPIRY_AGES = {25, 40, 60};

    private DateChoices() {
    }

    /**
     * @param number   the 12-digit number read (and not flagged)
     * @param birth    digit choices of the birth date's eight positions (ddMMyyyy), or null
     * @param expiry   those of the expiry date, or null when it has none ("Không thời hạn") or is unread
     * @return birth and expiry fields (expiry null when not chosen), or null when nothing fits or two pairs tie
     */
    static CccdFrontReader.Field[] choose(String number, List<Map<Character, Double>> birth,
                                          List<Map<Character, Double>> expiry) {
        return choose(number, birth, expiry, null);
    }

    /**
     * The same for a card issued on or after {@code firstIssue} (null: not known): its expiry, the
     * age it runs to, lies more than two years after its issue.
     */
    static CccdFrontReader.Field[] choose(String number, List<Map<Character, Double>> birth,
                                          List<Map<Character, Double>> expiry, LocalDate firstIssue) {
        if (birth == null || number == null || !number.matches("\\d{12}")) {
            return null;
        }
        int year = CccdNumber.birthYear(number);
        double best = -1;
        double second = -1;
        String[] chosen = null;
        double[] sureness = null;
        for (int month = 1; month <= 12; month++) {
            for (int day = 1; day <= 31; day++) {
                if (!valid(year, month, day)) {
                    continue;
                }
                String b = digits(day, month, year);
                double[] birthScore = score(birth, b);
                if (birthScore == null) {
                    continue;
                }
                int[] ages = expiry == null ? new int[] {0} : EXPIRY_AGES;
                for (int age : ages) {
                    double total = birthScore[0];
                    double least = birthScore[1];
                    String e = null;
                    if (expiry != null) {
                        if (!valid(year + age, month, day) || firstIssue != null
                                && !LocalDate.of(year + age, month, day).isAfter(firstIssue.plusYears(2))) {
                            continue;
                        }
                        e = digits(day, month, year + age);
                        double[] expiryScore = score(expiry, e);
                        if (expiryScore == null) {
                            continue;
                        }
                        total += expiryScore[0];
                        least = Math.min(least, expiryScore[1]);
                    }
                    if (total > best) {
                        second = best;
                        best = total;
                        chosen = new String[] {b, e};
                        sureness = new double[] {least};
                    } else if (total > second) {
                        second = total;
                    }
                }
            }
        }
        if (chosen == null || best - second < 1e-6) {
            return null;
        }
        // Without an expiry to agree with, day and month rest on OCR alone: settled, but to be checked.
        boolean unsure = sureness[0] < SURE || expiry == null;
        CccdFrontReader.Field birthField = new CccdFrontReader.Field(printed(chosen[0]), unsure, sureness[0]);
        CccdFrontReader.Field expiryField = chosen[1] == null ? null
                : new CccdFrontReader.Field(printed(chosen[1]), unsure, sureness[0]);
        return new CccdFrontReader.Field[] {birthField, expiryField};
    }

    /**
     * A date read alone, with no other date to agree with (a driving licence's birth date): the
     * calendar date in years {@code fromYear} to {@code toYear} that the digits OCR considered spell with
     * the highest summed confidence. To be reviewed when a digit chosen was not OCR's first choice at
     * its position or was unsure; null when no date fits or two tie.
     */
    static CccdFrontReader.Field plausible(List<Map<Character, Double>> positions, int fromYear, int toYear) {
        double best = -1;
        double second = -1;
        String chosen = null;
        double least = 0;
        for (int year = fromYear; year <= toYear; year++) {
            for (int month = 1; month <= 12; month++) {
                for (int day = 1; day <= 31; day++) {
                    String d = digits(day, month, year);
                    double[] score = valid(year, month, day) ? score(positions, d) : null;
                    if (score == null) {
                        continue;
                    }
                    if (score[0] > best) {
                        second = best;
                        best = score[0];
                        chosen = d;
                        least = score[1];
                    } else if (score[0] > second) {
                        second = score[0];
                    }
                }
            }
        }
        if (chosen == null || best - second < 1e-6) {
            return null;
        }
        boolean firstChoices = true;
        for (int i = 0; i < 8; i++) {
            double top = positions.get(i).values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            firstChoices &= positions.get(i).get(chosen.charAt(i)) >= top;
        }
        return new CccdFrontReader.Field(printed(chosen), !firstChoices || least < SURE, least);
    }

    /** Summed and least confidence of {@code digits} position by position; null when a digit was never considered. */
    private static double[] score(List<Map<Character, Double>> positions, String digits) {
        double sum = 0;
        double least = 1;
        for (int i = 0; i < 8; i++) {
            Double confidence = positions.get(i).get(digits.charAt(i));
            if (confidence == null) {
                return null;
            }
            sum += confidence;
            least = Math.min(least, confidence);
        }
        return new double[] {sum, least};
    }

    private static boolean valid(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static String digits(int day, int month, int year) {
        return String.format(Locale.ROOT, "%02d%02d%04d", day, month, year);
    }

    private static String printed(String digits) {
        return digits.substring(0, 2) + "/" + digits.substring(2, 4) + "/" + digits.substring(4);
    }
}
