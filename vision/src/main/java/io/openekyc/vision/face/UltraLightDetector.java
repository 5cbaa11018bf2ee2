package io.openekyc.vision.face;

import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.ModelInfo;
import io.openekyc.vision.model.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Ultra-Light-Fast RFB-320 face detector ({@code fr_detect.onnx}): input 320x240 RGB,
 * (p - 127) / 128, NCHW; outputs 4420 candidate boxes already decoded to corner form in 0..1 and
 * two-class softmax scores (column 1 = face). Followed by IoU non-maximum suppression.
 */
public final class UltraLightDetector implements FaceDetector {

    static final String MODEL = "faceplugin-face-recognition-js/fr_detect.onnx";
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    private static final float NMS_IOU = 0.4f;
    private static final int GREY = 0x7F7F7F;

    private final Models.Loaded model;
    private final Models models;

    public UltraLightDetector(Models models) {
        this.models = models;
        this.model = models.get(MODEL);
    }

    @Override
    public List<Detection> detectInRegion(RgbImage image, Box region, float minScore) {
        RgbImage input = image.region(region.x1(), region.y1(), region.width(), region.height(), WIDTH, HEIGHT, GREY);
        Map<String, float[]> out = Tensors.run(model.session(), models.environment(), "input",
                Tensors.rgbPlanes(input, 127f, 128f), new long[] {1, 3, HEIGHT, WIDTH}, "scores", "boxes");
        float[] scores = out.get("scores");
        float[] boxes = out.get("boxes");
        List<Detection> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length / 2; i++) {
            float score = scores[2 * i + 1];
            if (score >= minScore) {
                Box box = new Box(region.x1() + boxes[4 * i] * region.width(),
                        region.y1() + boxes[4 * i + 1] * region.height(),
                        region.x1() + boxes[4 * i + 2] * region.width(),
                        region.y1() + boxes[4 * i + 3] * region.height());
                if (box.width() > 1 && box.height() > 1) {
                    candidates.add(new Detection(box, score));
                }
            }
        }
        return Detection.suppress(candidates, NMS_IOU, Float.POSITIVE_INFINITY);
    }

    @Override
    public ModelInfo model() {
        return model.info();
    }
}
