package io.openekyc.vision.liveness;

/** In-place radix-2 FFT and a 2-D magnitude spectrum for square power-of-two windows. */
final class Fft {

    private Fft() {
    }

    static void transform(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            double wr = Math.cos(angle);
            double wi = Math.sin(angle);
            for (int i = 0; i < n; i += len) {
                double cr = 1;
                double ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = i + k;
                    int b = a + len / 2;
                    double xr = re[b] * cr - im[b] * ci;
                    double xi = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                    double next = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = next;
                }
            }
        }
    }

    /** Magnitude of the 2-D FFT of an n x n window (row-major), n a power of two. */
    static double[] magnitude2d(double[] window, int n) {
        double[] re = window.clone();
        double[] im = new double[n * n];
        double[] rowRe = new double[n];
        double[] rowIm = new double[n];
        for (int pass = 0; pass < 2; pass++) {
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    int index = pass == 0 ? r * n + c : c * n + r;
                    rowRe[c] = re[index];
                    rowIm[c] = im[index];
                }
                transform(rowRe, rowIm);
                for (int c = 0; c < n; c++) {
                    int index = pass == 0 ? r * n + c : c * n + r;
                    re[index] = rowRe[c];
                    im[index] = rowIm[c];
                }
            }
        }
        double[] magnitude = new double[n * n];
        for (int i = 0; i < magnitude.length; i++) {
            magnitude[i] = Math.hypot(re[i], im[i]);
        }
        return magnitude;
    }
}
