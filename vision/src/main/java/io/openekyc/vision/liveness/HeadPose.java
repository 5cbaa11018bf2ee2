package io.openekyc.vision.liveness;

import io.openekyc.vision.face.Box;
import io.openekyc.vision.face.Face;
import io.openekyc.vision.face.OnnxRun;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.ModelInfo;
import io.openekyc.vision.model.Models;

/**
 * Head pose ({@code fr_pose.onnx}, a Hopenet-style network): the face box grown by a quarter on
 * each side, 224x224 RGB with ImageNet mean/std; three 66-bin outputs (yaw, pitch, roll), each
 * angle = 3 x (softmax-weighted bin index) - 99 degrees.
 */
public final class HeadPose {

    static final String MODEL = "faceplugin-face-recognition-js/fr_pose.onnx";
    private static final int SIZE = 224;
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    private final Models models;
    private final Models.Loaded model;

    /** Angles in degrees; yaw positive to one side, negative to the other. */
    public record Angles(double yaw, double pitch, double roll) {
    }

    public HeadPose(Models models) {
        this.models = models;
        this.model = models.get(MODEL);
    }

    public Angles estimate(RgbImage image, Face face) {
        Box b = face.box();
        float dx = b.width() / 4;
        float dy = b.height() / 4;
        float x1 = Math.max(0, b.x1() - dx);
        float y1 = Math.max(0, b.y1() - dy);
        float x2 = Math.min(image.width(), b.x2() + dx);
        float y2 = Math.min(image.height(), b.y2() + dy);
        RgbImage crop = image.bilinear(x1, y1, x2 - x1, y2 - y1, SIZE, SIZE);
        float[] data = new float[3 * SIZE * SIZE];
        int plane = SIZE * SIZE;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int p = crop.rgb(x, y);
                int i = y * SIZE + x;
                data[i] = (((p >> 16) & 0xFF) / 255f - MEAN[0]) / STD[0];
                data[plane + i] = (((p >> 8) & 0xFF) / 255f - MEAN[1]) / STD[1];
                data[2 * plane + i] = ((p & 0xFF) / 255f - MEAN[2]) / STD[2];
            }
        }
        var outputs = OnnxRun.runAll(model, models, "input", data,
                new long[] {1, 3, SIZE, SIZE}, "output", "617", "618");
        return new Angles(angle(outputs.get("output")), angle(outputs.get("617")), angle(outputs.get("618")));
    }

    public ModelInfo model() {
        return model.info();
    }

    private static double angle(float[] bins) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : bins) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < bins.length; i++) {
            double e = Math.exp(bins[i] - max);
            sum += e;
            weighted += e * i;
        }
        return weighted / sum * 3 - 99;
    }
}
