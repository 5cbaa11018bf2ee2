package io.openekyc.vision.liveness;

/**
 * One piece of liveness evidence: its measured value, the limit it is judged against (null when
 * the signal is reported but not used in the decision) and what it says.
 *
 * @param verdict "live", "spoof", "suspicious" (a forensic flag) or "not_used"
 * @param source  the model (name@version) or method that produced the value
 */
public record LivenessSignal(String name, double value, Double limit, String verdict, String source) {
}
