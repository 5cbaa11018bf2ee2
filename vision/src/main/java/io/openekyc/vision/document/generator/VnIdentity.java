package io.openekyc.vision.document.generator;

import java.time.LocalDate;

/**
 * A made-up Vietnamese citizen, consistent with the rules of the CCCD: the number's
 * birth-registration code, century/sex digit and birth-year digits agree with the person; the
 * expiry follows the age-based validity rule (25th, 40th, 60th birthday, none after 58 at issue).
 */
public record VnIdentity(String number, String fullName, LocalDate birthDate, String sex, String nationality,
                         String placeOfOrigin, String placeOfResidence, LocalDate issueDate, LocalDate expiryDate,
                         String features) {

    /** Vietnamese sex label as printed. */
    public String sexLabel() {
        return "M".equals(sex) ? "Nam" : "Nữ";
    }
}
