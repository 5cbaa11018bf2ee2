package io.openekyc.vision.face;

import io.openekyc.vision.model.Models;

/** Runs a single-input, single-output bundled model (for engines outside this package). */
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
}
