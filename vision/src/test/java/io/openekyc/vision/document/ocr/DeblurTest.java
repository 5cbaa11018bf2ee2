package io.openekyc.vision.document.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.openekyc.vision.document.generator.Photographer;
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

    /** Red strokes 4 px wide, 12 px apart (a small print's), on white paper, 120 x 60. */
    private static RgbImage redStrokes() {
        int w = 120;
        int h = 60;
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = Math.floorMod(x, 12) < 4 ? 0xC02020 : 0xF0F0F0;
            }
        }
        return new RgbImage(w, h, out);
    }

    /** Mean grey-level difference between the paper's and the strokes' columns, over the middle rows. */
    private static double strokeContrast(RgbImage image) {
        double[] grey = image.luma();
        double ink = 0;
        double paper = 0;
        for (int y = 20; y < 40; y++) {
            for (int x = 24; x < 96; x++) {
                if (Math.floorMod(x, 12) == 2) {
                    ink += grey[y * image.width() + x];
                } else if (Math.floorMod(x, 12) == 8) {
                    paper += grey[y * image.width() + x];
                }
            }
        }
        return (paper - ink) / (20 * 6);
    }

    @Test
    void printOutOfFocusByAUniformSpreadIsRefocusedInItsColours() {
        RgbImage sharp = redStrokes();
        RgbImage blurred = Photographer.blur(sharp, 3); // 7 px wide
        RgbImage refocused = Deblur.defocused(blurred, new int[] {0, 0, 120, 60}, 7, 20);

        assertThat(strokeContrast(blurred)).isLessThan(0.6 * strokeContrast(sharp));
        assertThat(strokeContrast(refocused)).isGreaterThan(0.8 * strokeContrast(sharp));
        int p = refocused.rgb(26, 30); // a stroke's middle: red again, not grey
        assertThat(((p >> 16) & 0xFF) - ((p >> 8) & 0xFF)).isGreaterThan(60);
    }

    @Test
    void refocusedPaperIsNoBrighterThanThePaperAroundIt() {
        RgbImage blurred = Photographer.blur(redStrokes(), 3);
        RgbImage refocused = Deblur.defocused(blurred, new int[] {0, 0, 120, 60}, 7, 20);
        double paper = java.util.Arrays.stream(blurred.luma()).max().orElseThrow();
        // Unclamped, the rings beside each stroke rise well above the paper's 240.
        assertThat(java.util.Arrays.stream(refocused.luma()).max().orElseThrow()).isLessThanOrEqualTo(paper + 1);
    }

    @Test
    void theBrightestNeighbourIsFoundAtEveryPlace() {
        java.util.Random random = new java.util.Random(3);
        int w = 37;
        int h = 23;
        double[] image = new double[w * h];
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextInt(256);
        }
        for (int radius : new int[] {1, 4, 11, 30}) {
            double[] max = Deblur.localMax(image, w, h, radius);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double expected = 0;
                    for (int yy = Math.max(0, y - radius); yy <= Math.min(h - 1, y + radius); yy++) {
                        for (int xx = Math.max(0, x - radius); xx <= Math.min(w - 1, x + radius); xx++) {
                            expected = Math.max(expected, image[yy * w + xx]);
                        }
                    }
                    assertThat(max[y * w + x]).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void onlyTheRegionIsRefocused() {
        RgbImage blurred = Photographer.blur(redStrokes(), 3);
        RgbImage refocused = Deblur.defocused(blurred, new int[] {0, 0, 60, 60}, 7, 20);
        assertThat(refocused.rgb(90, 30)).isEqualTo(blurred.rgb(90, 30));
        assertThat(refocused.rgb(26, 30)).isNotEqualTo(blurred.rgb(26, 30));
    }

    @Test
    void aUniformKernelWeighsItsPartlyCoveredEnds() {
        assertThat(Deblur.uniform(5)).containsExactly(new double[] {0.2, 0.2, 0.2, 0.2, 0.2}, within(1e-9));
        assertThat(Deblur.uniform(6)).containsExactly(new double[] {0.5 / 6, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0,
                0.5 / 6}, within(1e-9));
    }
}
