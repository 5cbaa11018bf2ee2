package io.openekyc.vision.document.generator;

import java.time.LocalDate;

/**
 * A made-up Vietnamese passport: its holder (whose 12-digit CCCD number is the MRZ's personal
 * number), a passport number of a letter and 7 or 8 digits, the province of birth, and an adult's
 * ten-year validity (expiry = issue + 10 years, as on issued passports, e.g. 30/03/2017 - 30/03/2027).
 */
public record VnPassport(VnIdentity holder, String number, String placeOfBirth, LocalDate issueDate,
                         LocalDate expiryDate, String placeOfIssue) {

    /** The authority that issues passports inside Viet Nam. */
    public static final String IMMIGRATION_DEPARTMENT = "Cục Quản lý xuất nhập cảnh";
}
