package io.openekyc.vision.face;

import io.openekyc.vision.liveness.LivenessResult;
import io.openekyc.vision.quality.QualityCheck;
import java.util.List;
import java.util.Optional;

/** Everything the engine found about one selfie: its faces (largest first), quality and liveness. */
public record SelfieReport(List<Face> faces, List<QualityCheck> quality, LivenessResult liveness) {

    public boolean faceFound() {
        return !faces.isEmpty();
    }

    public Optional<QualityCheck> check(String name) {
        return quality.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public boolean failed(String name) {
        return check(name).map(QualityCheck::failed).orElse(false);
    }

    /** Quality score 0..1: the share of judged checks that pass (unavailable checks do not count). */
    public double qualityScore() {
        long judged = quality.stream().filter(c -> !c.unavailable()).count();
        long passed = quality.stream().filter(c -> "pass".equals(c.status())).count();
        return judged == 0 ? 0 : (double) passed / judged;
    }
}
