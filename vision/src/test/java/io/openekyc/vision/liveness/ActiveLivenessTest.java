package io.openekyc.vision.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.SharedData;
import io.openekyc.vision.face.Face;
import io.openekyc.vision.face.FaceKit;
import io.openekyc.vision.face.FaceMatch;
import io.openekyc.vision.face.Point;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.RgbImage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ActiveLivenessTest {

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
    void aHeadTurnByTheSamePersonIsLive() throws Exception {
        ActiveLivenessResult result = kit.active().check(image("sheldon/sheldon2.png"),
                List.of(image("sheldon/sheldon3.png"), image("sheldon/sheldon1.png"), image("sheldon/sheldon4.png")),
                FaceMatch.DEFAULT_THRESHOLD);
        assertThat(result.status()).isEqualTo("success");
        assertThat(result.sameIdentity()).isTrue();
        assertThat(result.yawRange()).isGreaterThanOrEqualTo(ActiveLiveness.MIN_HEAD_MOVEMENT);
        assertThat(result.live()).isTrue();
    }

    @Test
    void theSamePhotoShownThreeTimesIsNotLive() throws Exception {
        RgbImage still = image("sheldon/sheldon1.png");
        ActiveLivenessResult result = kit.active().check(image("sheldon/sheldon2.png"), List.of(still, still, still),
                FaceMatch.DEFAULT_THRESHOLD);
        assertThat(result.blinkDetected()).isFalse();
        assertThat(result.yawRange()).isLessThan(ActiveLiveness.MIN_HEAD_MOVEMENT);
        assertThat(result.live()).isFalse();
    }

    @Test
    void anotherPersonInTheFramesBreaksTheIdentityCheck() throws Exception {
        ActiveLivenessResult result = kit.active().check(image("sheldon/sheldon2.png"),
                List.of(image("sheldon/sheldon3.png"), image("howard/howard1.png"), image("sheldon/sheldon4.png")),
                FaceMatch.DEFAULT_THRESHOLD);
        assertThat(result.sameIdentity()).isFalse();
        assertThat(result.live()).isFalse();
    }

    @Test
    void eyesClosingAndOpeningIsABlink() throws Exception {
        RgbImage open = new ImageDecoder().decode(SharedData.read("faces/face-api-js/images/neutral.jpg"));
        Face face = kit.engine().faces(open).getFirst();
        RgbImage closed = withEyesPaintedOver(open, face);
        ActiveLivenessResult result = kit.active().check(open, List.of(open, closed, open), FaceMatch.DEFAULT_THRESHOLD);
        assertThat(result.frames().get(1).eyesOpen()).isLessThan(0.5);
        assertThat(result.frames().get(0).eyesOpen()).isGreaterThan(0.5);
        assertThat(result.blinkDetected()).isTrue();
    }

    @Test
    void fewerThanThreeFramesWithAFaceAreInsufficient() throws Exception {
        int[] grey = new int[200 * 200];
        java.util.Arrays.fill(grey, 0x808080);
        ActiveLivenessResult result = kit.active().check(image("amy/amy1.png"),
                List.of(image("amy/amy2.png"), new RgbImage(200, 200, grey)), FaceMatch.DEFAULT_THRESHOLD);
        assertThat(result.status()).isEqualTo("insufficient_frames");
        assertThat(result.live()).isFalse();
    }

    /** A synthetic closed-eye frame: each eye's region filled with the skin colour just below it. */
    static RgbImage withEyesPaintedOver(RgbImage image, Face face) {
        int w = image.width();
        int[] px = new int[w * image.height()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = image.rgb(x, y);
            }
        }
        Point[] p = face.landmarks();
        for (int[] eye : new int[][] {{36, 39}, {42, 45}}) {
            float x1 = p[eye[0]].x();
            float x2 = p[eye[1]].x();
            float size = (x2 - x1) * 0.8f;
            float cy = (p[eye[0]].y() + p[eye[1]].y()) / 2;
            int skin = image.rgb((int) ((x1 + x2) / 2), (int) Math.min(image.height() - 1, cy + size * 1.3f));
            for (int y = (int) (cy - size / 2); y <= cy + size / 2; y++) {
                for (int x = (int) (x1 - size * 0.2f); x <= x2 + size * 0.2f; x++) {
                    if (x >= 0 && y >= 0 && x < w && y < image.height()) {
                        px[y * w + x] = skin;
                    }
                }
            }
        }
        return new RgbImage(w, image.height(), px);
    }

    private static RgbImage image(String name) throws Exception {
        return new ImageDecoder().decode(SharedData.read("faces/face-api-js/images/" + name));
    }
}
