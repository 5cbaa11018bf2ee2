package io.openekyc.vision.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.SharedData;
import io.openekyc.vision.face.FaceKit;
import io.openekyc.vision.face.SelfieReport;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.RgbImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SelfieQualityTest {

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
    void aSharpSelfiePassesAndItsBlurredCopyFails() throws Exception {
        RgbImage sharp = image("faces/face-api-js/images/fearful.jpg");
        assertThat(report(sharp).failed("blur")).isFalse();
        float[] kernel = new float[15 * 15];
        java.util.Arrays.fill(kernel, 1f / kernel.length);
        RgbImage blurred = RgbImage.of(new ConvolveOp(new Kernel(15, 15, kernel), ConvolveOp.EDGE_NO_OP, null)
                .filter(sharp.toBufferedImage(), null));
        SelfieReport report = report(blurred);
        assertThat(report.faceFound()).isTrue();
        assertThat(report.failed("blur")).isTrue();
        assertThat(report.check("blur").orElseThrow().value())
                .isLessThan(report(sharp).check("blur").orElseThrow().value());
    }

    @Test
    void aDarkenedCopyIsTooDark() throws Exception {
        RgbImage original = image("faces/face-api-js/images/neutral.jpg");
        int[] dark = new int[original.width() * original.height()];
        for (int y = 0; y < original.height(); y++) {
            for (int x = 0; x < original.width(); x++) {
                int p = original.rgb(x, y);
                dark[y * original.width() + x] = (((p >> 16) & 0xFF) / 5) << 16 | (((p >> 8) & 0xFF) / 5) << 8 | (p & 0xFF) / 5;
            }
        }
        assertThat(report(original).failed("too_dark")).isFalse();
        SelfieReport darkReport = report(new RgbImage(original.width(), original.height(), dark));
        if (darkReport.faceFound()) {
            assertThat(darkReport.failed("too_dark")).isTrue();
        } else {
            assertThat(darkReport.failed("face_detected")).isTrue();
        }
    }

    @Test
    void aGroupPhotoHasMultipleFacesAndASelfieOne() throws Exception {
        assertThat(report(image("faces/face-api-js/test-images/faces.jpg")).failed("multiple_faces")).isTrue();
        assertThat(report(image("faces/face-api-js/images/neutral.jpg")).failed("multiple_faces")).isFalse();
    }

    @Test
    void maskIsNeverGuessed() throws Exception {
        QualityCheck mask = report(image("faces/face-api-js/images/neutral.jpg")).check("mask_present").orElseThrow();
        assertThat(mask.status()).isEqualTo("unavailable");
        assertThat(mask.value()).isNull();
    }

    @Test
    void noFaceIsReportedAsSuch() throws Exception {
        SelfieReport report = report(image("faces/face-api-js/test-images/white.png"));
        assertThat(report.failed("face_detected")).isTrue();
        assertThat(report.quality()).hasSize(1);
    }

    private static RgbImage image(String path) throws Exception {
        return new ImageDecoder().decode(SharedData.read(path));
    }

    private static SelfieReport report(RgbImage image) {
        return kit.selfie(image, 0.5);
    }
}
