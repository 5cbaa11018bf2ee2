package io.openekyc.vision.liveness;

import java.util.List;

/**
 * Passive liveness of one face: the combined score 0..1, the decision at the threshold, and every
 * signal behind it. {@code faceFound} false means no face could be judged (score 0, not live).
 */
public record LivenessResult(boolean faceFound, boolean live, double score, double threshold,
                             List<LivenessSignal> signals) {
}
