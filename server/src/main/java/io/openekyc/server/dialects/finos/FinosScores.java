package io.openekyc.server.dialects.finos;

/**
 * FinOS expresses face similarity as {@code match_score} 0..100 compared with a threshold 1..99
 * (header {@code threshold}, default 50): 100 x the calibrated score (a logistic curve centred on
 * the tenant's cosine threshold), so the default FinOS threshold 50 makes exactly the tenant's
 * decision, and higher FinOS thresholds are stricter.
 */
final class FinosScores {

    static final int DEFAULT_THRESHOLD = 50;
    /** Within this many points of the threshold the decision is flagged to-be-reviewed. */
    static final int REVIEW_MARGIN = 10;
    private FinosScores() {
    }

    static int matchScore(double cosine, double cosineThreshold) {
        return (int) Math.round(100 * io.openekyc.vision.face.FaceMatch.calibrated(cosine, cosineThreshold));
    }
}
