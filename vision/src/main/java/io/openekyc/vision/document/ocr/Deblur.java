package io.openekyc.vision.document.ocr;

import io.openekyc.vision.image.RgbImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Richardson-Lucy deconvolution of a grey image with a Gaussian point-spread function: an
 * out-of-focus photo of print is close to the print convolved with a Gaussian, and undoing it
 * restores thin strokes and tone marks that unsharp masking only outlines. The iterations keep
 * the image non-negative, and the few used here stop before noise is amplified much.
 */
public final class Deblur {

    private Deblur() {
    }

    /** The grey image deconvolved with a Gaussian of {@code sigma} pixels over {@code iterations} steps. */
    public static RgbImage richardsonLucy(RgbImage image, double sigma, int iterations) {
        double[] estimate = richardsonLucy(image.luma(), image.width(), image.height(), gaussian(sigma), iterations);
        int[] out = new int[estimate.length];
        for (int i = 0; i < out.length; i++) {
            int v = grey(estimate[i]);
            out[i] = v << 16 | v << 8 | v;
        }
        return new RgbImage(image.width(), image.height(), out);
    }

    /**
     * The part {@code region} (x0, y0, x1, y1) of a colour photo refocused: its grey levels
     * deconvolved with a uniform square of {@code width} pixels, the spread of an out-of-focus lens
     * (each point of the print lit evenly over the blur's extent, which a Gaussian only
     * approximates: its wide tail makes the deconvolution restore too little of the strokes). The
     * colours keep their differences to the grey, so a red stamp stays red; outside the region the
     * photo is unchanged.
     */
    public static RgbImage defocused(RgbImage photo, int[] region, double width, int iterations) {
        int x0 = Math.max(0, region[0]);
        int y0 = Math.max(0, region[1]);
        int w = Math.min(photo.width(), region[2]) - x0;
        int h = Math.min(photo.height(), region[3]) - y0;
        double[] grey = photo.luma();
        double[] observed = new double[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(grey, (y0 + y) * photo.width() + x0, observed, y * w, w);
        }
        double[] estimate = richardsonLucy(observed, w, h, uniform(width), iterations);
        // Out-of-focus print is ink on paper: no pixel of the print is brighter than the paper
        // around it (within three blur widths, which reaches the paper between lines), so the
        // rings the deconvolution leaves brighter than that are cut back. Left,
        // they lift the paper around letters above its own white, and the readers' paper levelling
        // then greys whole tiles and runs the lines into one.
        double[] paper = localMax(observed, w, h, (int) Math.ceil(3 * width));
        for (int i = 0; i < estimate.length; i++) {
            estimate[i] = Math.min(estimate[i], paper[i]);
        }
        int[] out = new int[photo.width() * photo.height()];
        for (int y = 0; y < photo.height(); y++) {
            for (int x = 0; x < photo.width(); x++) {
                int p = photo.rgb(x, y);
                int i = (y - y0) * w + (x - x0);
                if (x >= x0 && x < x0 + w && y >= y0 && y < y0 + h) {
                    double lift = estimate[i] - observed[i];
                    p = grey(((p >> 16) & 0xFF) + lift) << 16 | grey(((p >> 8) & 0xFF) + lift) << 8
                            | grey((p & 0xFF) + lift);
                }
                out[y * photo.width() + x] = p;
            }
        }
        return new RgbImage(photo.width(), photo.height(), out);
    }

    private static double[] richardsonLucy(double[] grey, int w, int h, double[] kernel, int iterations) {
        double[] observed = grey.clone();
        for (int i = 0; i < observed.length; i++) {
            observed[i] += 1; // no division by zero on black ink
        }
        double[] estimate = observed.clone();
        double[] ratio = new double[observed.length];
        for (int k = 0; k < iterations; k++) {
            double[] blurred = convolve(estimate, w, h, kernel);
            for (int i = 0; i < ratio.length; i++) {
                ratio[i] = observed[i] / Math.max(1e-6, blurred[i]);
            }
            double[] correction = convolve(ratio, w, h, kernel); // the kernel is symmetric: its own mirror
            for (int i = 0; i < estimate.length; i++) {
                estimate[i] *= correction[i];
            }
        }
        for (int i = 0; i < estimate.length; i++) {
            estimate[i] -= 1;
        }
        return estimate;
    }

    /** The brightest value within {@code radius} pixels (a square), edges not extended. */
    static double[] localMax(double[] image, int w, int h, int radius) {
        double[] rows = new double[image.length];
        double[] line = new double[Math.max(w, h)];
        double[] max = new double[line.length];
        for (int y = 0; y < h; y++) {
            System.arraycopy(image, y * w, line, 0, w);
            runningMax(line, w, radius, max);
            System.arraycopy(max, 0, rows, y * w, w);
        }
        double[] out = new double[image.length];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                line[y] = rows[y * w + x];
            }
            runningMax(line, h, radius, max);
            for (int y = 0; y < h; y++) {
                out[y * w + x] = max[y];
            }
        }
        return out;
    }

    /**
     * The maximum of {@code values[0..n)} within {@code radius} of each place, in constant time per
     * place (van Herk / Gil-Werman): maxima running forwards and backwards within blocks of the
     * window's length, any window spanning at most two blocks.
     */
    private static void runningMax(double[] values, int n, int radius, double[] out) {
        int block = 2 * radius + 1;
        int m = n + 2 * radius; // padded by the radius on both sides, so every window is a block long
        double[] forward = new double[m];
        double[] backward = new double[m];
        for (int j = 0; j < m; j++) {
            double v = j < radius || j >= radius + n ? Double.NEGATIVE_INFINITY : values[j - radius];
            forward[j] = j % block == 0 ? v : Math.max(forward[j - 1], v);
        }
        for (int j = m - 1; j >= 0; j--) {
            double v = j < radius || j >= radius + n ? Double.NEGATIVE_INFINITY : values[j - radius];
            backward[j] = j == m - 1 || (j + 1) % block == 0 ? v : Math.max(backward[j + 1], v);
        }
        for (int i = 0; i < n; i++) {
            out[i] = Math.max(backward[i], forward[i + 2 * radius]);
        }
    }

    private static int grey(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /**
     * How wide the print's edges are spread, in pixels: over the rows of {@code region} (x0, y0, x1, y1),
     * each strong ink edge (a monotonic run of grey steps from paper to ink of at least {@code minContrast}
     * levels) is measured as its contrast over its steepest step, which is the width of a box blur
     * (a Gaussian of sigma measures 2.5 sigma), and the upper quartile over all edges is returned
     * (thin strokes under a wide blur never reach full contrast and measure their own width, less
     * than the blur's). NaN when the region holds no strong edge.
     */
    public static double edgeWidth(RgbImage image, int[] region, int minContrast) {
        double[] grey = image.luma();
        int w = image.width();
        List<Double> widths = new ArrayList<>();
        for (int y = region[1]; y < region[3]; y += 2) {
            int x = region[0];
            while (x < region[2] - 1) {
                int row = y * w;
                double step = grey[row + x + 1] - grey[row + x];
                if (Math.abs(step) < 2) {
                    x++;
                    continue;
                }
                double sign = Math.signum(step);
                int start = x;
                double steepest = 0;
                while (x < region[2] - 1 && (grey[row + x + 1] - grey[row + x]) * sign > 0) {
                    steepest = Math.max(steepest, Math.abs(grey[row + x + 1] - grey[row + x]));
                    x++;
                }
                double contrast = Math.abs(grey[row + x] - grey[row + start]);
                if (contrast >= minContrast) {
                    widths.add(contrast / steepest);
                }
            }
        }
        if (widths.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(widths);
        return widths.get(widths.size() * 3 / 4);
    }

    /** A uniform kernel {@code width} pixels wide: whole taps inside, the ends weighted by how much of them it covers. */
    static double[] uniform(double width) {
        double half = width / 2;
        int radius = (int) Math.ceil(half - 0.5);
        double[] kernel = new double[2 * radius + 1];
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.max(0, Math.min(i + 0.5, half) - Math.max(i - 0.5, -half));
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= width;
        }
        return kernel;
    }

    private static double[] gaussian(double sigma) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        return kernel;
    }

    /**
     * Separable convolution, edges extended. Each pass adds one kernel tap at a time over a whole
     * row (a loop the JIT vectorises); only the few pixels within the kernel's radius of an edge
     * look up a clamped neighbour.
     */
    private static double[] convolve(double[] image, int w, int h, double[] kernel) {
        int radius = kernel.length / 2;
        double[] rows = new double[image.length];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int k = -radius; k <= radius; k++) {
                double weight = kernel[k + radius];
                int from = Math.max(0, -k);
                int to = Math.min(w, w - k);
                for (int x = from; x < to; x++) {
                    rows[row + x] += weight * image[row + x + k];
                }
                for (int x = 0; x < from; x++) {
                    rows[row + x] += weight * image[row];
                }
                for (int x = Math.max(0, to); x < w; x++) {
                    rows[row + x] += weight * image[row + w - 1];
                }
            }
        }
        double[] out = new double[image.length];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int k = -radius; k <= radius; k++) {
                double weight = kernel[k + radius];
                int source = Math.max(0, Math.min(h - 1, y + k)) * w;
                for (int x = 0; x < w; x++) {
                    out[row + x] += weight * rows[source + x];
                }
            }
        }
        return out;
    }
}
