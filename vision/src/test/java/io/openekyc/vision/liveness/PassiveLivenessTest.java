package io.openekyc.vision.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.SharedData;
import io.openekyc.vision.face.FaceKit;
import io.openekyc.vision.face.SelfieReport;
import io.openekyc.vision.image.ImageDecoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PassiveLivenessTest {

    private static FaceKit kit;

    @BeforeAll
    static void load() {
        kit = FaceKit.load();
    }

    @AfterAll
    static void close() {
        kit.close();
    }

    @Test
    void theLiveSampleScoresAboveThePrintAndTheScreenAttack() throws Exception {
        SelfieReport live = selfie("faces/spoof-samples/live_T1.jpg");
        SelfieReport print = selfie("faces/spoof-samples/print_attack_F1.jpg");
        SelfieReport screen = selfie("faces/spoof-samples/screen_replay_F2.jpg");
        assertThat(live.liveness().score()).isGreaterThan(print.liveness().score());
        assertThat(live.liveness().score()).isGreaterThan(screen.liveness().score());
        assertThat(print.liveness().live()).isFalse();
        assertThat(screen.liveness().live()).isFalse();
    }

    @Test
    void everySignalIsReportedWithItsSource() throws Exception {
        LivenessResult result = selfie("faces/spoof-samples/live_T1.jpg").liveness();
        assertThat(result.signals()).extracting(LivenessSignal::name).containsExactly("anti_spoofing_model",
                "periodic_pattern", "clipped_highlights", "colour_saturation_p90", "luma_spread_p5_p95");
        assertThat(result.signals().getFirst().source()).isEqualTo("faceplugin-face-recognition-js/fr_liveness.onnx@0.0.1");
        assertThat(result.score()).isBetween(0.0, 1.0);
    }

    @Test
    void aThresholdAboveTheScoreMakesTheSameFaceNotLive() throws Exception {
        var image = new ImageDecoder().decode(SharedData.read("faces/spoof-samples/live_T1.jpg"));
        SelfieReport lenient = kit.selfie(image, 0.01);
        SelfieReport strict = kit.selfie(image, 0.999);
        assertThat(lenient.liveness().score()).isEqualTo(strict.liveness().score());
        assertThat(lenient.liveness().live()).isTrue();
        assertThat(strict.liveness().live()).isFalse();
    }

    @Test
    void noFaceGivesNoLivenessRatherThanAGuess() throws Exception {
        SelfieReport report = selfie("faces/face-api-js/test-images/white.png");
        assertThat(report.faceFound()).isFalse();
        assertThat(report.liveness().faceFound()).isFalse();
        assertThat(report.liveness().live()).isFalse();
        assertThat(report.liveness().signals()).isEmpty();
    }

    @Test
    void aScreenLikeGratingOverTheFaceRaisesThePeriodicPatternFlag() throws Exception {
        var image = new ImageDecoder().decode(SharedData.read("faces/face-api-js/images/neutral.jpg"));
        var face = kit.engine().faces(image).getFirst();
        double natural = ImageForensics.periodicPeakRatio(image, face.box());
        // Add a fine diagonal grating (period ~3.2 px), as a camera sees a display's pixel grid.
        int[] px = new int[image.width() * image.height()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int p = image.rgb(x, y);
                int d = (int) Math.round(18 * Math.sin(2 * Math.PI * (x + 0.6 * y) / 3.2));
                int r = Math.max(0, Math.min(255, ((p >> 16) & 0xFF) + d));
                int g = Math.max(0, Math.min(255, ((p >> 8) & 0xFF) + d));
                int b = Math.max(0, Math.min(255, (p & 0xFF) + d));
                px[y * image.width() + x] = r << 16 | g << 8 | b;
            }
        }
        var moire = new io.openekyc.vision.image.RgbImage(image.width(), image.height(), px);
        double patterned = ImageForensics.periodicPeakRatio(moire, face.box());
        assertThat(natural).isLessThan(PassiveLiveness.PERIODIC_PATTERN_LIMIT);
        assertThat(patterned).isGreaterThan(PassiveLiveness.PERIODIC_PATTERN_LIMIT);
        LivenessResult result = kit.liveness().check(moire, face, PassiveLiveness.DEFAULT_THRESHOLD);
        assertThat(result.signals().get(1).verdict()).isEqualTo("suspicious");
    }

    private static SelfieReport selfie(String path) throws Exception {
        return kit.selfie(new ImageDecoder().decode(SharedData.read(path)), PassiveLiveness.DEFAULT_THRESHOLD);
    }
}
