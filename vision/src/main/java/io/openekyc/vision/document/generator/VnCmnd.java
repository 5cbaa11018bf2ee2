package io.openekyc.vision.document.generator;

/**
 * A made-up holder of a CMND (9-digit, issued until 2016, or 12-digit, 2012-2016) with what its
 * card prints beyond the identity: ethnicity, religion and the issuing police department. The
 * card is valid 15 years from issue ({@link VnIdentity#expiryDate()}).
 *
 * @param placeOfIssue the issuer as the back names it under "GIÁM ĐỐC", e.g. "CA NGHỆ AN"
 */
public record VnCmnd(VnIdentity holder, String ethnicity, String religion, String placeOfIssue) {
}
