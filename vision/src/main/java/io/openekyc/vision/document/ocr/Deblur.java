package io.openekyc.vision.document.ocr;

import io.openekyc.vision.image.RgbImage;

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
