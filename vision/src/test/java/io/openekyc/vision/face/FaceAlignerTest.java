package io.openekyc.vision.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FaceAlignerTest {

    @Test
    void similarityRecoversAKnownRotationScaleAndShift() {
        double angle = Math.toRadians(17);
        double scale = 2.5;
        Point[] moved = new Point[5];
        for (int i = 0; i < 5; i++) {
            double x = FaceAligner.TEMPLATE[i][0];
            double y = FaceAligner.TEMPLATE[i][1];
            moved[i] = new Point((float) (scale * (Math.cos(angle) * x - Math.sin(angle) * y) + 40),
                    (float) (scale * (Math.sin(angle) * x + Math.cos(angle) * y) - 12));
        }
        double[] m = FaceAligner.similarity(moved, FaceAligner.TEMPLATE);
        for (int i = 0; i < 5; i++) {
            double x = m[0] * moved[i].x() - m[1] * moved[i].y() + m[2];
            double y = m[1] * moved[i].x() + m[0] * moved[i].y() + m[3];
            assertThat(x).isCloseTo(FaceAligner.TEMPLATE[i][0], within(1e-3));
            assertThat(y).isCloseTo(FaceAligner.TEMPLATE[i][1], within(1e-3));
        }
        assertThat(Math.hypot(m[0], m[1])).isCloseTo(1 / scale, within(1e-6));
    }

    @Test
    void alignedCropIs112Square() {
        int[] pixels = new int[300 * 300];
        java.util.Arrays.fill(pixels, 0x336699);
        var image = new io.openekyc.vision.image.RgbImage(300, 300, pixels);
        Point[] five = {new Point(120, 140), new Point(180, 140), new Point(150, 175), new Point(125, 205),
                new Point(175, 205)};
        var aligned = FaceAligner.align(image, five);
        assertThat(aligned.width()).isEqualTo(112);
        assertThat(aligned.rgb(56, 56)).isEqualTo(0x336699);
    }
}
