package io.openekyc.vision.document.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.openekyc.vision.image.RgbImage;
import org.junit.jupiter.api.Test;

class DeblurTest {

    /** Black and white bars 16 px wide, each row averaged over a box of {@code box} px (0: sharp). */
    private static RgbImage bars(int box) {
        int w = 200;
        int h = 20;
        int[] out = new int[w * h];
        for (int x = 0; x < w; x++) {
            double sum = 0;
            int span = Math.max(1, box);
            for (int k = 0; k < span; k++) {
                int xx = x - span / 2 + k;
                sum += (Math.floorMod(xx, 32) < 16) ? 20 : 240;
            }
            int v = (int) Math.round(sum / span);
            for (int y = 0; y < h; y++) {
                out[y * w + x] = v << 16 | v << 8 | v;
            }
        }
        return new RgbImage(w, h, out);
    }

    @Test
    void anEdgeBlurredByABoxMeasuresTheBoxWidth() {
        int[] region = {10, 0, 190, 20};
        assertThat(Deblur.edgeWidth(bars(0), region, 100)).isEqualTo(1.0);
        assertThat(Deblur.edgeWidth(bars(5), region, 100)).isCloseTo(5.0, within(0.3));
        assertThat(Deblur.edgeWidth(bars(8), region, 100)).isCloseTo(8.0, within(0.3));
    }

    @Test
    void noStrongEdgeMeasuresNothing() {
        assertThat(Deblur.edgeWidth(new RgbImage(50, 10, new int[500]), new int[] {0, 0, 50, 10}, 100)).isNaN();
    }
}
