package io.openekyc.vision.document.mrz;

/**
 * One check digit: the field it protects, the digit as printed, and whether it is right.
 * {@code valid} is null when the check position holds the filler {@code <} (no check digit given,
 * as ICAO allows for an empty optional field).
 */
public record MrzCheck(String field, char printed, Boolean valid) {
}
