package io.openekyc.vision.quality;

/**
 * One selfie-quality finding. {@code status} is "pass", "fail" or "unavailable" (the check could
 * not be judged reliably for this picture, or no reliable method exists); {@code value} is the
 * measurement behind it, {@code limit} what it was judged against.
 */
public record QualityCheck(String name, String status, Double value, Double limit, String detail) {

    public boolean failed() {
        return "fail".equals(status);
    }

    public boolean unavailable() {
        return "unavailable".equals(status);
    }
}
