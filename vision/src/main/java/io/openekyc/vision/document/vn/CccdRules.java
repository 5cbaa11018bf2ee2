package io.openekyc.vision.document.vn;

import io.openekyc.vision.document.PrintedDate;
import io.openekyc.vision.quality.QualityCheck;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Consistency rules on the values of a Vietnamese ID card, each a {@link QualityCheck} ("fail" =
 * the rule is broken, "unavailable" = a value it needs was not read):
 * <ul>
 * <li>{@code id_number_length}: 12 digits (CCCD) or 9 (old CMND) — FinOS code 064;</li>
 * <li>{@code birth_registration_code}: digits 1-3 are one of the 63 province codes or a country code
 * (101-295) of Circular 07/2016;</li>
 * <li>{@code id_dob_gender_code}: digit 4 (sex and century) and digits 5-6 (birth year) agree with the
 * printed date of birth and sex — FinOS code 063;</li>
 * <li>{@code expiry}: not passed, and on the birthday at 14, 25, 40 or 60 (Law on Citizen
 * Identification 2014 art. 21, Law on Identification 2023 art. 21), or no expiry only for holders
 * over 58 — FinOS code 061.</li>
 * </ul>
 */
public final class CccdRules {

    /** Province codes before the 2025 merger (the codes of the administrative units, zero-padded). */
    static final Set<Integer> PROVINCE_CODES = Set.of(1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25,
            26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67,
            68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96);
    static final int FIRST_COUNTRY_CODE = 101;
    static final int LAST_COUNTRY_CODE = 295;
    public static final String NO_EXPIRY = "Không thời hạn";
    private static final int[] RENEWAL_AGES = {14, 25, 40, 60};

    private CccdRules() {
    }

    /**
     * @param sex "Nam" or "Nữ" as printed (null when not read)
     * @param dateOfBirth, dateOfExpiry dd/MM/yyyy as printed, or "Không thời hạn" for no expiry (null when not read)
     */
    public static List<QualityCheck> check(String idNumber, String dateOfBirth, String sex, String dateOfExpiry,
                                           LocalDate today) {
        List<QualityCheck> checks = new ArrayList<>();
        LocalDate birth = PrintedDate.parse(dateOfBirth);
        if (idNumber == null || idNumber.isEmpty()) {
            checks.add(unavailable("id_number_length", "no ID number read"));
            checks.add(unavailable("birth_registration_code", "no ID number read"));
            checks.add(unavailable("id_dob_gender_code", "no ID number read"));
        } else {
            List<CccdNumber.Rule> rules = CccdNumber.check(idNumber, birth, sexCode(sex));
            checks.add(judged("id_number_length", rules.getFirst().passed(), "12 digits (CCCD) or 9 digits (old CMND)"));
            if (idNumber.matches("\\d{12}")) {
                boolean known = knownPlaceCode(Integer.parseInt(idNumber.substring(0, 3)));
                checks.add(judged("birth_registration_code", known, "digits 1-3: a province (001-096) or country (101-295) code"));
                Boolean consistent = rules.stream().skip(1).map(CccdNumber.Rule::passed)
                        .reduce(Boolean.TRUE, CccdRules::and);
                checks.add(judged("id_dob_gender_code", consistent,
                        "digit 4 (sex, century) and digits 5-6 (birth year) against the printed date of birth and sex"));
            } else {
                checks.add(unavailable("birth_registration_code", "only 12-digit numbers carry it"));
                checks.add(unavailable("id_dob_gender_code", "only 12-digit numbers carry it"));
            }
        }
        checks.add(expiry(birth, dateOfExpiry, today));
        return checks;
    }

    /**
     * The expiry a CCCD issued on {@code issue} carries (Law on Citizen Identification 2014 art. 21):
     * the 25th, 40th or 60th birthday, whichever comes first after issue, the next one when issued
     * within two years before it; null (no expiry) when issued after 58.
     */
    public static LocalDate expiryFor(LocalDate birth, LocalDate issue) {
        for (int age : new int[] {25, 40, 60}) {
            LocalDate limit = birth.plusYears(age);
            if (issue.isBefore(limit.minusYears(2))) {
                return limit;
            }
        }
        return null;
    }

    /** A CMND's expiry (15 years from issue, printed on the 12-digit front or derived on a back): not passed. */
    public static QualityCheck cmndExpiry(String dateOfExpiry, LocalDate today) {
        LocalDate expiry = PrintedDate.parse(dateOfExpiry);
        if (expiry == null) {
            return unavailable("expiry", "no expiry date read");
        }
        return expiry.isBefore(today) ? new QualityCheck("expiry", "fail", null, null, "expired")
                : new QualityCheck("expiry", "pass", null, null, "not expired");
    }

    private static QualityCheck expiry(LocalDate birth, String dateOfExpiry, LocalDate today) {
        if (dateOfExpiry == null || dateOfExpiry.isEmpty()) {
            return unavailable("expiry", "no expiry date read");
        }
        if (dateOfExpiry.equalsIgnoreCase(NO_EXPIRY)) {
            if (birth == null) {
                return unavailable("expiry", "no date of birth to judge a card without expiry");
            }
            return judged("expiry", !birth.plusYears(58).isAfter(today), "no expiry only for holders over 58");
        }
        LocalDate expiry = PrintedDate.parse(dateOfExpiry);
        if (expiry == null) {
            return judged("expiry", false, "the expiry is not a date");
        }
        if (expiry.isBefore(today)) {
            return new QualityCheck("expiry", "fail", null, null, "expired");
        }
        if (birth == null) {
            return new QualityCheck("expiry", "pass", null, null, "not expired; no date of birth to check the renewal age");
        }
        for (int age : RENEWAL_AGES) {
            if (birth.plusYears(age).equals(expiry)) {
                return new QualityCheck("expiry", "pass", (double) age, null, "not expired; expires on the birthday at a renewal age");
            }
        }
        return new QualityCheck("expiry", "fail", null, null, "the expiry is not a birthday at 14, 25, 40 or 60");
    }

    private static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        return a == null || b == null ? null : true;
    }

    private static QualityCheck judged(String name, Boolean passed, String detail) {
        if (passed == null) {
            return unavailable(name, detail + ": a value was not read");
        }
        return new QualityCheck(name, passed ? "pass" : "fail", null, null, detail);
    }

    private static QualityCheck unavailable(String name, String detail) {
        return new QualityCheck(name, "unavailable", null, null, detail);
    }

    /** Whether a number's first three digits are a province (001-096) or country (101-295) code. */
    static boolean knownPlaceCode(int code) {
        return PROVINCE_CODES.contains(code) || code >= FIRST_COUNTRY_CODE && code <= LAST_COUNTRY_CODE;
    }

    static String sexCode(String sex) {
        if (sex == null) {
            return null;
        }
        return switch (sex.strip()) {
            case "Nam", "M" -> "M";
            case "Nữ", "Nu", "F" -> "F";
            default -> null;
        };
    }
}
