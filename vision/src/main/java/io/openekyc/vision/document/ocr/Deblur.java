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
        int w = image.width();
        int h = image.height();
        double[] kernel = gaussian(sigma);
        double[] observed = image.luma();
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
        int[] out = new int[w * h];
        for (int i = 0; i < out.length; i++) {
            int v = (int) Math.max(0, Math.min(255, Math.round(estimate[i] - 1)));
            out[i] = v << 16 | v << 8 | v;
        }
        return new RgbImage(w, h, out);
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

    /** Separable convolution, edges extended. */
    private static double[] convolve(double[] image, int w, int h, double[] kernel) {
        int radius = kernel.length / 2;
        double[] rows = new double[image.length];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                double sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    sum += kernel[k + radius] * image[row + Math.max(0, Math.min(w - 1, x + k))];
                }
                rows[row + x] = sum;
            }
        }
        double[] out = new double[image.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    sum += kernel[k + radius] * rows[Math.max(0, Math.min(h - 1, y + k)) * w + x];
                }
                out[y * w + x] = sum;
            }
        }
        return out;
    }
}
