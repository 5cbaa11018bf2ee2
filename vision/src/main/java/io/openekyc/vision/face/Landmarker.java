package io.openekyc.vision.face;

import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.ModelInfo;
import io.openekyc.vision.model.Models;

/**
 * 68-point facial landmarks ({@code fr_landmark.onnx}): the face box resampled to 64x64 grey,
 * p / 256; outputs 68 (x, y) pairs relative to the box.
 */
public final class Landmarker {

    static final String MODEL = "faceplugin-face-recognition-js/fr_landmark.onnx";
    private static final int SIZE = 64;

    private final Models models;
    private final Models.Loaded model;

    public Landmarker(Models models) {
        this.models = models;
        this.model = models.get(MODEL);
    }

    public Point[] landmarks(RgbImage image, Box box) {
        RgbImage crop = image.crop(box.x1(), box.y1(), box.width(), box.height(), SIZE, SIZE);
        float[] out = Tensors.run(model.session(), models.environment(), "input",
                Tensors.greyPlane(crop, 256f), new long[] {1, 1, SIZE, SIZE}, "output").get("output");
        Point[] points = new Point[out.length / 2];
        for (int i = 0; i < points.length; i++) {
            points[i] = new Point(box.x1() + out[2 * i] * box.width(), box.y1() + out[2 * i + 1] * box.height());
        }
        return points;
    }

    /** The five alignment points from the 68: eye centres, nose tip, mouth corners (as in fr_feature.js). */
    public static Point[] fivePoints(Point[] p) {
        return new Point[] {
                mean(p[37], p[38], p[40], p[41]),
                mean(p[43], p[44], p[46], p[47]),
                p[30],
                mean(p[48], p[60]),
                mean(p[54], p[64])};
    }

    public ModelInfo model() {
        return model.info();
    }

    private static Point mean(Point... points) {
        float x = 0;
        float y = 0;
        for (Point point : points) {
            x += point.x();
            y += point.y();
        }
        return new Point(x / points.length, y / points.length);
    }
}
