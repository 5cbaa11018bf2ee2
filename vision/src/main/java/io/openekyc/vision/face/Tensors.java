package io.openekyc.vision.face;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.openekyc.vision.image.RgbImage;
import java.nio.FloatBuffer;
import java.util.Map;

/** Small helpers to feed images to ONNX Runtime and read float outputs. */
final class Tensors {

    private Tensors() {
    }

    /** NCHW planes in R, G, B order of {@code (p - mean) / scale}. */
    static float[] rgbPlanes(RgbImage image, float mean, float scale) {
        int w = image.width();
        int h = image.height();
        float[] data = new float[3 * w * h];
        int plane = w * h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = image.rgb(x, y);
                int i = y * w + x;
                data[i] = (((p >> 16) & 0xFF) - mean) / scale;
                data[plane + i] = (((p >> 8) & 0xFF) - mean) / scale;
                data[2 * plane + i] = ((p & 0xFF) - mean) / scale;
            }
        }
        return data;
    }

    /** One grey plane (BT.601 luma) of {@code p / scale}. */
    static float[] greyPlane(RgbImage image, float scale) {
        int w = image.width();
        int h = image.height();
        float[] data = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = image.rgb(x, y);
                float grey = 0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF);
                data[y * w + x] = grey / scale;
            }
        }
        return data;
    }

    /** Runs a single-input model and returns the named outputs flattened. */
    static Map<String, float[]> run(OrtSession session, OrtEnvironment env, String input, float[] data, long[] shape,
                                    String... outputs) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
             OrtSession.Result result = session.run(Map.of(input, tensor))) {
            java.util.LinkedHashMap<String, float[]> values = new java.util.LinkedHashMap<>();
            for (String output : outputs) {
                OnnxTensor value = (OnnxTensor) result.get(output).orElseThrow(
                        () -> new IllegalStateException("model has no output " + output));
                FloatBuffer buffer = value.getFloatBuffer();
                float[] array = new float[buffer.remaining()];
                buffer.get(array);
                values.put(output, array);
            }
            return values;
        } catch (OrtException e) {
            throw new IllegalStateException("inference failed: " + e.getMessage(), e);
        }
    }
}
