package io.openekyc.vision.face;

import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.ModelInfo;
import io.openekyc.vision.model.Models;

/** Face embeddings ({@code fr_feature.onnx}): aligned 112x112 RGB, (p - 127) / 128; 512 values, L2-normalised here. */
public final class FaceEmbedder {

    static final String MODEL = "faceplugin-face-recognition-js/fr_feature.onnx";

    private final Models models;
    private final Models.Loaded model;

    public FaceEmbedder(Models models) {
        this.models = models;
        this.model = models.get(MODEL);
    }

    public float[] embed(RgbImage aligned) {
        float[] out = Tensors.run(model.session(), models.environment(), "input",
                Tensors.rgbPlanes(aligned, 127f, 128f), new long[] {1, 3, FaceAligner.SIZE, FaceAligner.SIZE},
                "output").get("output");
        double norm = 0;
        for (float v : out) {
            norm += v * v;
        }
        float inverse = (float) (1 / Math.sqrt(Math.max(norm, 1e-12)));
        for (int i = 0; i < out.length; i++) {
            out[i] *= inverse;
        }
        return out;
    }

    /** Cosine similarity of two L2-normalised embeddings, -1..1. */
    public static float cosine(float[] a, float[] b) {
        float dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    public ModelInfo model() {
        return model.info();
    }
}
