package io.openekyc.vision.document.generator;

import java.time.LocalDate;

/**
 * A made-up Vietnamese PET driving licence (2013 and later): 12-digit number opening with the issuing
 * province's 2-digit code, a class, and an expiry by class (motorcycle classes A1/A2 never expire;
 * B1/B2 ten years, C/D/E five years from issue).
 *
 * @param expiryDate null when the licence has no expiry
 */
public record VnLicence(String number, VnIdentity holder, String licenceClass, String issuingProvince,
                        LocalDate issueDate, LocalDate expiryDate) {

    public static final String NO_EXPIRY = "Không thời hạn";
}
