package io.openekyc.vision.liveness;

import io.openekyc.vision.face.Face;
import io.openekyc.vision.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Passive (single image) liveness: the anti-spoofing model's live probability, halved when an
 * independent forensic flag fires: a strong periodic pattern in the face (moire of a screen,
 * halftone of a print). The flag's limit (12) sits above the highest ratio measured on 33 real
 * faces of the shared data (9.8), so it fires only on clearly periodic pictures; it did not fire
 * on the two attack samples we have, so it is not calibrated on attack data (docs/EVALUATION.md).
 * Other forensic measurements are reported as evidence but not used, since they did not separate.
 */
public final class PassiveLiveness {

    /** Default decision threshold on the combined score. */
    public static final double DEFAULT_THRESHOLD = 0.5;
    static final double PERIODIC_PATTERN_LIMIT = 12.0;

    private final LivenessModel model;

    public PassiveLiveness(LivenessModel model) {
        this.model = model;
    }

    public LivenessResult check(RgbImage image, Face face, double threshold) {
        List<LivenessSignal> signals = new ArrayList<>();
        double live = model.liveProbability(image, face);
        signals.add(new LivenessSignal("anti_spoofing_model", live, threshold, live >= threshold ? "live" : "spoof",
                model.model().label()));
        double score = live;

        double periodic = ImageForensics.periodicPeakRatio(image, face.box());
        boolean moire = periodic > PERIODIC_PATTERN_LIMIT;
        signals.add(new LivenessSignal("periodic_pattern", Double.isNaN(periodic) ? 0 : periodic,
                Double.isNaN(periodic) ? null : PERIODIC_PATTERN_LIMIT,
                Double.isNaN(periodic) ? "not_used" : moire ? "suspicious" : "live", "face-window FFT peak/ring-median"));
        if (moire) {
            score *= 0.5;
        }

        double[] tone = ImageForensics.toneAndColour(image, face.box());
        // Reported for review, not used: on the shared data clipped highlights are as high on a real
        // photo (angry_cropped.jpg, 0.043) as on the screen replay (0.044), and saturation of real
        // press photos goes as low as the print's.
        signals.add(new LivenessSignal("clipped_highlights", tone[2], null, "not_used",
                "share of face pixels at >= 250 in R, G and B"));
        signals.add(new LivenessSignal("colour_saturation_p90", tone[0], null, "not_used", "face-box HSV saturation"));
        signals.add(new LivenessSignal("luma_spread_p5_p95", tone[1], null, "not_used", "face-box luma percentiles"));
        return new LivenessResult(true, score >= threshold, score, threshold, signals);
    }

    public static LivenessResult noFace(double threshold) {
        return new LivenessResult(false, false, 0, threshold, List.of());
    }
}
