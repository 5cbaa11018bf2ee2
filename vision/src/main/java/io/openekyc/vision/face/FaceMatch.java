package io.openekyc.vision.face;

import java.util.List;

/**
 * The comparison of the primary (largest) faces of two images. {@code score} is the cosine
 * similarity of their embeddings (-1..1), absent when either image has no face.
 *
 * @param faces1 faces found in the first image, largest first
 * @param faces2 faces found in the second image
 * @param model  the embedding model that produced the score
 */
public record FaceMatch(Float score, boolean matched, float threshold, List<Face> faces1, List<Face> faces2,
                        String model) {

    /**
     * Default decision threshold on the cosine score. Chosen from the face-api-js evaluation
     * (docs/EVALUATION.md): on its 700 impostor pairs the highest score is 0.248 and on its 80
     * genuine pairs the lowest 0.391 (EER 0 at 0.248); 0.30 sits between, nearer the impostors'
     * side than the midpoint would, since card portraits score lower than selfie pairs. Tenants
     * can override it.
     */
    public static final float DEFAULT_THRESHOLD = 0.30f;

    public boolean facesFound() {
        return score != null;
    }

    /** Cosine distance that moves the calibrated score from 0.5 to about 0.73. */
    static final double SPREAD = 0.06;

    /**
     * The score on a 0..1 scale for APIs that want one: a logistic curve centred on the threshold,
     * so 0.5 is exactly the decision boundary and the scale does not change the decision. 0 when no
     * face was found.
     */
    public double calibratedScore() {
        return score == null ? 0 : calibrated(score, threshold);
    }

    public static double calibrated(double cosine, double threshold) {
        return 1 / (1 + Math.exp(-(cosine - threshold) / SPREAD));
    }
}
