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

    /** The score mapped to 0..1 for APIs that want a probability-like number (cosine clipped at 0). */
    public float score01() {
        return score == null ? 0 : Math.max(0, Math.min(1, score));
    }
}
