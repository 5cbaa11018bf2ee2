package io.openekyc.vision.document.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.image.RgbImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhotoEditorTest {

    @Test
    void onlyTheRectangleInsideTheCardChangesAndItKeepsItsContent() throws Exception {
        int w = 400;
        int h = 300;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (int) (128 + 60 * Math.sin(x / 9.0) * Math.cos(y / 13.0) + (x + y) / 20); // smooth, like print
                px[y * w + x] = v << 16 | (255 - v) << 8 | (v / 2);
            }
        }
        RgbImage photo = new RgbImage(w, h, px);
        double[][] card = {{50, 40}, {350, 40}, {350, 260}, {50, 260}};
        PhotoEditor.Edited edited = new PhotoEditor().edit(photo, card, new Random(5));
        int[] r = edited.region();
        assertThat(r[0]).isGreaterThanOrEqualTo(50);
        assertThat(r[1]).isGreaterThanOrEqualTo(40);
        assertThat(r[0] + r[2]).isLessThanOrEqualTo(350);
        assertThat(r[1] + r[3]).isLessThanOrEqualTo(260);
        int changedInside = 0;
        long error = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = x >= r[0] && y >= r[1] && x < r[0] + r[2] && y < r[1] + r[3];
                int a = photo.rgb(x, y);
                int b = edited.image().rgb(x, y);
                if (!in) {
                    assertThat(b).as("outside the rectangle at %d,%d", x, y).isEqualTo(a);
                } else {
                    changedInside += a != b ? 1 : 0;
                    error += Math.abs(((a >> 16) & 0xFF) - ((b >> 16) & 0xFF));
                }
            }
        }
        // The paste went through JPEG: pixels differ, but it shows the same content.
        assertThat(changedInside).isGreaterThan(r[2] * r[3] / 4);
        assertThat((double) error / (r[2] * r[3])).isLessThan(6);
    }
}
