package io.openekyc.vision.quality;

import io.openekyc.vision.face.Box;
import io.openekyc.vision.face.Face;
import io.openekyc.vision.face.FaceAligner;
import io.openekyc.vision.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Selfie quality: is the face usable for matching and liveness? Each check reports its
 * measurement. Mask / lower-face occlusion has no reliable method among the reachable models and is
 * always reported "unavailable" rather than guessed.
 */
public final class SelfieQuality {

    /** Laplacian variance of the aligned 112x112 face below which it is blurred (see docs/EVALUATION.md). */
    public static final double BLUR_LIMIT = 120;
    static final double DARK_LIMIT = 50;
    static final double BRIGHT_LIMIT = 215;
    static final double MIN_FACE_PIXELS = 80;
    /** A second face counts when it is at least this fraction of the main face's height. */
    static final double SECOND_FACE_FRACTION = 0.35;

    private final EyeState eyes;

    public SelfieQuality(EyeState eyes) {
        this.eyes = eyes;
    }

    /** The findings for the main face (the first of {@code faces}) of the image. */
    public List<QualityCheck> check(RgbImage image, List<Face> faces) {
        List<QualityCheck> checks = new ArrayList<>();
        if (faces.isEmpty()) {
            checks.add(new QualityCheck("face_detected", "fail", 0.0, 1.0, "no face found"));
            return checks;
        }
        Face face = faces.getFirst();
        Box box = face.box();
        checks.add(new QualityCheck("face_detected", "pass", (double) faces.size(), 1.0, "faces found"));

        long others = faces.stream().skip(1).filter(f -> f.box().height() >= SECOND_FACE_FRACTION * box.height()).count();
        checks.add(new QualityCheck("multiple_faces", others > 0 ? "fail" : "pass", (double) (others + 1), 1.0,
                "faces at least " + (int) (SECOND_FACE_FRACTION * 100) + "% of the main face's height"));

        checks.add(new QualityCheck("face_too_small", box.height() < MIN_FACE_PIXELS ? "fail" : "pass",
                (double) box.height(), MIN_FACE_PIXELS, "face box height in pixels"));

        double outside = outsideShare(box, image);
        checks.add(new QualityCheck("face_cut_off", outside > 0.1 ? "fail" : "pass", outside, 0.1,
                "share of the face box outside the picture"));

        RgbImage aligned = FaceAligner.align(image, face.fivePoints());
        double sharpness = laplacianVariance(aligned);
        checks.add(new QualityCheck("blur", sharpness < BLUR_LIMIT ? "fail" : "pass", sharpness, BLUR_LIMIT,
                "Laplacian variance of the aligned face"));

        double brightness = meanLuma(aligned);
        checks.add(new QualityCheck("too_dark", brightness < DARK_LIMIT ? "fail" : "pass", brightness, DARK_LIMIT,
                "mean luma of the aligned face"));
        checks.add(new QualityCheck("over_exposed", brightness > BRIGHT_LIMIT ? "fail" : "pass", brightness,
                BRIGHT_LIMIT, "mean luma of the aligned face"));

        double[] open = eyes.openProbabilities(image, face);
        if (open == null) {
            checks.add(new QualityCheck("eyes_closed", "unavailable", null, 0.5,
                    "eyes smaller than " + (int) EyeState.MIN_EYE_PIXELS + " px: not judged; " + eyes.modelLabel()));
        } else {
            double best = Math.max(open[0], open[1]);
            checks.add(new QualityCheck("eyes_closed", best < 0.5 ? "fail" : "pass", best, 0.5,
                    "open probability of the more open eye; " + eyes.modelLabel()));
        }
        checks.add(new QualityCheck("mask_present", "unavailable", null, null,
                "no reliable occlusion model is available; not judged"));
        return checks;
    }

    static double outsideShare(Box box, RgbImage image) {
        float ix = Math.max(0, Math.min(box.x2(), image.width()) - Math.max(box.x1(), 0));
        float iy = Math.max(0, Math.min(box.y2(), image.height()) - Math.max(box.y1(), 0));
        return box.area() <= 0 ? 1 : 1 - ix * iy / box.area();
    }

    /** Variance of the 4-neighbour Laplacian over the central half: low when the picture is blurred. */
    public static double laplacianVariance(RgbImage image) {
        int w = image.width();
        int h = image.height();
        double[] grey = image.luma();
        // Only the central part: the aligned crop's corners can be the black outside of the picture.
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int y = h / 4; y < h * 3 / 4; y++) {
            for (int x = w / 4; x < w * 3 / 4; x++) {
                double lap = grey[(y - 1) * w + x] + grey[(y + 1) * w + x] + grey[y * w + x - 1] + grey[y * w + x + 1]
                        - 4 * grey[y * w + x];
                sum += lap;
                sumSq += lap * lap;
                n++;
            }
        }
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }

    /** Mean luma over the central half. */
    public static double meanLuma(RgbImage image) {
        double sum = 0;
        int n = 0;
        for (int y = image.height() / 4; y < image.height() * 3 / 4; y++) {
            for (int x = image.width() / 4; x < image.width() * 3 / 4; x++) {
                int p = image.rgb(x, y);
                sum += 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
                n++;
            }
        }
        return sum / n;
    }
}
