package io.openekyc.vision.liveness;

import io.openekyc.vision.face.Box;
import io.openekyc.vision.image.RgbImage;
import java.util.Arrays;

/**
 * Image-forensic measurements of a face region that recaptures (a photo of a print or of a
 * screen) tend to change. Each returns a raw number; what counts as suspicious is decided by
 * {@link PassiveLiveness} and reported with the number.
 */
public final class ImageForensics {

    static final int WINDOW = 128;

    private ImageForensics() {
    }

    /**
     * Periodic-pattern strength: in the 2-D spectrum of a native-resolution grey window on the face
     * (Hann-windowed, no resampling so a screen's pixel grid or a print's halftone survives), the
     * strongest mid/high-frequency peak divided by the median magnitude of its frequency ring.
     * Natural skin gives a smooth spectrum (ratios of a few); moire and pixel grids give isolated
     * peaks many times the ring's median.
     */
    public static double periodicPeakRatio(RgbImage image, Box face) {
        double[] magnitude = spectrum(image, face);
        if (magnitude == null) {
            return Double.NaN;
        }
        int size = (int) Math.round(Math.sqrt(magnitude.length));
        // Rings of radius r (in cycles per window); look from 1/8 to 1/2 of the Nyquist-limited range.
        int maxRadius = size / 2;
        double best = 0;
        for (int r = Math.max(4, size / 16); r < maxRadius; r++) {
            double[] ring = ring(magnitude, size, r);
            if (ring.length < 8) {
                continue;
            }
            double peak = Arrays.stream(ring).max().orElse(0);
            Arrays.sort(ring);
            double median = ring[ring.length / 2];
            if (median > 1e-9) {
                best = Math.max(best, peak / median);
            }
        }
        return best;
    }

    /**
     * Each frequency's magnitude over the median magnitude of its ring (radius in cycles per
     * window), in the half plane u >= 0, for rings from 1/16 of the window to Nyquist; other bins
     * are 0. Windows of one photo share a frequency grid, so a pattern that covers the whole photo
     * (a screen's pixel grid) stands out at the same bin in every window. Null for a window under 32 px.
     */
    public static double[] ringNormalisedSpectrum(RgbImage image, Box region) {
        double[] magnitude = spectrum(image, region);
        if (magnitude == null) {
            return null;
        }
        int size = (int) Math.round(Math.sqrt(magnitude.length));
        double[] normalised = new double[magnitude.length];
        for (int r = Math.max(4, size / 16); r < size / 2; r++) {
            double[] ring = ring(magnitude, size, r);
            Arrays.sort(ring);
            double median = ring.length == 0 ? 0 : ring[ring.length / 2];
            if (median <= 1e-9) {
                continue;
            }
            for (int v = -r; v <= r; v++) {
                for (int u = 0; u <= r; u++) {
                    double d = Math.hypot(u, v);
                    if (d >= r - 0.5 && d < r + 0.5) {
                        int bin = ((v + size) % size) * size + u;
                        normalised[bin] = magnitude[bin] / median;
                    }
                }
            }
        }
        return normalised;
    }

    /** Magnitude spectrum of a Hann-windowed, mean-removed grey square at native resolution, or null. */
    private static double[] spectrum(RgbImage image, Box face) {
        int n = WINDOW;
        int side = (int) Math.min(Math.min(face.width(), face.height()), Math.min(image.width(), image.height()));
        if (side < 32) {
            return null;
        }
        int size = Math.min(n, Integer.highestOneBit(side));
        int x0 = (int) Math.max(0, Math.min(image.width() - size, face.centerX() - size / 2f));
        int y0 = (int) Math.max(0, Math.min(image.height() - size, face.centerY() - size / 2f));
        double[] window = new double[size * size];
        double mean = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int p = image.rgb(x0 + x, y0 + y);
                double grey = 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
                window[y * size + x] = grey;
                mean += grey;
            }
        }
        mean /= window.length;
        for (int y = 0; y < size; y++) {
            double wy = 0.5 - 0.5 * Math.cos(2 * Math.PI * y / (size - 1));
            for (int x = 0; x < size; x++) {
                double wx = 0.5 - 0.5 * Math.cos(2 * Math.PI * x / (size - 1));
                window[y * size + x] = (window[y * size + x] - mean) * wx * wy;
            }
        }
        return Fft.magnitude2d(window, size);
    }

    private static double[] ring(double[] magnitude, int n, int radius) {
        double[] values = new double[8 * radius + 8];
        int count = 0;
        for (int v = -radius; v <= radius; v++) {
            for (int u = 0; u <= radius; u++) { // half plane: the spectrum of a real image is symmetric
                double d = Math.hypot(u, v);
                if (d >= radius - 0.5 && d < radius + 0.5 && count < values.length) {
                    values[count++] = magnitude[((v + n) % n) * n + u];
                }
            }
        }
        return Arrays.copyOf(values, count);
    }

    /**
     * Colour and tone of the face: {saturation p90 (0..1), luma spread p95-p5 (0..255), share of
     * clipped highlights}. Prints flatten colour and contrast; glossy prints and screens add glare.
     */
    public static double[] toneAndColour(RgbImage image, Box face) {
        int x1 = (int) Math.max(0, face.x1());
        int y1 = (int) Math.max(0, face.y1());
        int x2 = (int) Math.min(image.width(), face.x2());
        int y2 = (int) Math.min(image.height(), face.y2());
        int count = Math.max(1, (x2 - x1) * (y2 - y1));
        double[] saturation = new double[count];
        int[] luma = new int[count];
        int clipped = 0;
        int i = 0;
        for (int y = y1; y < y2; y++) {
            for (int x = x1; x < x2; x++) {
                int p = image.rgb(x, y);
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                int max = Math.max(r, Math.max(g, b));
                int min = Math.min(r, Math.min(g, b));
                saturation[i] = max == 0 ? 0 : (max - min) / (double) max;
                luma[i] = (299 * r + 587 * g + 114 * b) / 1000;
                if (r >= 250 && g >= 250 && b >= 250) {
                    clipped++;
                }
                i++;
            }
        }
        Arrays.sort(saturation, 0, i);
        Arrays.sort(luma, 0, i);
        if (i == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        return new double[] {saturation[(int) (0.9 * (i - 1))], luma[(int) (0.95 * (i - 1))] - luma[(int) (0.05 * (i - 1))],
                (double) clipped / i};
    }
}
