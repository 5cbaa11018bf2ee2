package io.openekyc.vision.liveness;

import io.openekyc.vision.face.Box;
import io.openekyc.vision.face.Face;
import io.openekyc.vision.face.OnnxRun;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.ModelInfo;
import io.openekyc.vision.model.Models;

/**
 * {@code fr_liveness.onnx} (a MiniFASNet-style 3-class anti-spoofing network). Its recipe was
 * established by experiment, not taken from the package's JavaScript (which feeds RGB and
 * mis-scores the shared live sample): the square face box enlarged 2.7x and shifted to stay inside
 * the picture, resized to 128x128, channels in <b>BGR</b> order with raw 0..255 values; softmax
 * class 0 is live, class 1 spoof (print and screen alike), class 2 unused. See docs/EVALUATION.md.
 */
public final class SilentFaceLiveness implements LivenessModel {

    static final String MODEL = "faceplugin-face-recognition-js/fr_liveness.onnx";
    private static final int SIZE = 128;
    private static final float SCALE = 2.7f;

    private final Models models;
    private final Models.Loaded model;

    public SilentFaceLiveness(Models models) {
        this.models = models;
        this.model = models.get(MODEL);
    }

    @Override
    public float liveProbability(RgbImage image, Face face) {
        Box crop = crop(image, face.box());
        // Integer crop and plain bilinear resize, as the model was trained (OpenCV); an anti-aliased
        // resize moved the live sample's score from 0.64 to 0.37.
        RgbImage input = image.bilinear((int) crop.x1(), (int) crop.y1(), (int) crop.width(), (int) crop.height(),
                SIZE, SIZE);
        float[] data = new float[3 * SIZE * SIZE];
        int plane = SIZE * SIZE;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int p = input.rgb(x, y);
                int i = y * SIZE + x;
                data[i] = p & 0xFF;                    // B
                data[plane + i] = (p >> 8) & 0xFF;     // G
                data[2 * plane + i] = (p >> 16) & 0xFF; // R
            }
        }
        float[] logits = OnnxRun.run(model, models, "input", data, new long[] {1, 3, SIZE, SIZE}, "output");
        return OnnxRun.softmax(logits)[0];
    }

    /** The square face box (side = box height) scaled by up to 2.7 and moved inside the picture. */
    static Box crop(RgbImage image, Box face) {
        float side = face.height();
        float scale = Math.min(SCALE, Math.min((image.height() - 1) / side, (image.width() - 1) / side));
        float size = side * scale;
        float x1 = face.centerX() - size / 2;
        float y1 = face.centerY() - size / 2;
        x1 = Math.max(0, Math.min(image.width() - 1 - size, x1));
        y1 = Math.max(0, Math.min(image.height() - 1 - size, y1));
        return new Box(x1, y1, x1 + size, y1 + size);
    }

    @Override
    public ModelInfo model() {
        return model.info();
    }
}
