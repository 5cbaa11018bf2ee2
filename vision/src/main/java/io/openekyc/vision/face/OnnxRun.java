package io.openekyc.vision.face;

import io.openekyc.vision.model.Models;

/** Runs bundled models and prepares their inputs and outputs (for engines outside this package). */
public final class OnnxRun {

    private OnnxRun() {
    }

    public static float[] run(Models.Loaded model, Models models, String input, float[] data, long[] shape,
                              String output) {
        return Tensors.run(model.session(), models.environment(), input, data, shape, output).get(output);
    }

    public static java.util.Map<String, float[]> runAll(Models.Loaded model, Models models, String input, float[] data,
                                                        long[] shape, String... outputs) {
        return Tensors.run(model.session(), models.environment(), input, data, shape, outputs);
    }

    /** One grey plane (BT.601 luma) of {@code p / scale}, as single-channel models take it. */
    public static float[] greyPlane(io.openekyc.vision.image.RgbImage image, float scale) {
        return Tensors.greyPlane(image, scale);
    }

    public static float[] softmax(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        float sum = 0;
        float[] out = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = (float) Math.exp(logits[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }
}
