package io.openekyc.vision.quality;

import io.openekyc.vision.face.Face;
import io.openekyc.vision.face.OnnxRun;
import io.openekyc.vision.face.Point;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.Models;

/**
 * Eye open/closed ({@code fr_eye.onnx}): a square crop around each eye (centre of landmarks
 * 37/38/40/41 resp. 43/44/46/47, side 1.6 x the corner distance), 24x24 grey p / 255; softmax
 * index 1 = open (established by experiment on the shared data, see docs/EVALUATION.md).
 */
public final class EyeState {

    static final String MODEL = "faceplugin-face-recognition-js/fr_eye.onnx";
    /** Eyes smaller than this many pixels are not judged (the model errs on tiny and side-on eyes). */
    static final float MIN_EYE_PIXELS = 20;

    private final Models models;
    private final Models.Loaded model;

    public EyeState(Models models) {
        this.models = models;
        this.model = models.get(MODEL);
    }

    /** Open probability of the left and right eye, or null when an eye is too small to judge. */
    public double[] openProbabilities(RgbImage image, Face face) {
        Point[] p = face.landmarks();
        Double left = open(image, p, 36, 39, new int[] {37, 38, 40, 41});
        Double right = open(image, p, 42, 45, new int[] {43, 44, 46, 47});
        return left == null || right == null ? null : new double[] {left, right};
    }

    public String modelLabel() {
        return model.info().label();
    }

    private Double open(RgbImage image, Point[] p, int corner1, int corner2, int[] lids) {
        float cx = 0;
        float cy = 0;
        for (int i : lids) {
            cx += p[i].x() / lids.length;
            cy += p[i].y() / lids.length;
        }
        float side = Math.abs(p[corner2].x() - p[corner1].x()) * 1.6f;
        if (side < MIN_EYE_PIXELS) {
            return null;
        }
        RgbImage eye = image.bilinear(cx - side / 2, cy - side / 2, side, side, 24, 24);
        float[] logits = OnnxRun.run(model, models, "input", OnnxRun.greyPlane(eye, 255f), new long[] {1, 1, 24, 24},
                "output");
        return (double) OnnxRun.softmax(logits)[1];
    }
}
