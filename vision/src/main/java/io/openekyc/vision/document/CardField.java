package io.openekyc.vision.document;

/**
 * One field read from a document. {@code confidence} (0..1): 0.99 when a check digit or an agreeing
 * QR backs the value, the OCR's own word confidence for printed text, null when neither exists;
 * {@code source} says where the value came from:
 * "printed" (OCR of the card face), "qr" (the chip card's QR code) or "mrz".
 */
public record CardField(String value, Double confidence, boolean toBeReviewed, String source) {

    public static CardField printed(String value, Double confidence, boolean toBeReviewed) {
        return new CardField(value, confidence, toBeReviewed, "printed");
    }

    /** Whether a field is absent, empty or to be reviewed: one a second reading may replace. */
    public static boolean missingOrDoubtful(CardField field) {
        return field == null || field.value().isEmpty() || field.toBeReviewed();
    }

    /** The same value, to be reviewed. */
    public CardField reviewed() {
        return new CardField(value, confidence, true, source);
    }
}
