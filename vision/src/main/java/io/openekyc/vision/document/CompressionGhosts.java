package io.openekyc.vision.document;

import io.openekyc.vision.image.RgbImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Finds a region of a card photo that went through a JPEG compression of its own before the photo's
 * last one: a portrait or digits pasted in from another JPEG. Such pixels still sit close to the
 * quantisation lattice of that earlier compression, on its own 8x8 grid, while the rest of the card
 * does not ("JPEG ghosts", Farid 2009). For every grid offset and every libjpeg quality from 40 to
 * 80, each block's DCT coefficients that are off the zero step are measured by their squared
 * distance to the lattice, in steps: about 1/12 where the lattice is not the block's history, far
 * less where it is. A window of blocks far below the card as a whole, on another offset than the
 * photo's own grid, is the finding.
 *
 * <p>What it cannot see: pastes saved at the photo's own quality or finer, pastes landing on the
 * photo's grid (1 in 64), flat or saturated areas (white paper), and edits that were resized or
 * rotated after their compression (their lattice is gone).
 */
public final class CompressionGhosts {

    /** The IJG luminance table (ITU T.81 K.1), row-major, scaled by quality as libjpeg does. */
    private static final int[] LUMINANCE = {
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};

    /** Every other quality: the lattice of one quality is not that of the next, so none is skipped by much. */
    private static final int[] QUALITIES = IntStream.iterate(40, q -> q <= 80, q -> q + 2).toArray();
    /** Window side in blocks (48 px): a pasted portrait or line of digits covers several. */
    private static final int WINDOW = 6;
    /** Coefficients a window needs for its mean distance to be measured (about 8% noise at 1/12). */
    private static final int MIN_COEFFICIENTS = 200;
    /** A coefficient below half a step is on the zero step at that quality: it says nothing. */
    private static final double MIN_LEVEL = 0.5;
    /** Luma (level-shifted) beyond which a pixel is taken as saturated. */
    private static final double CLIP = 124;
    /** AC energy below which a block is flat. */
    private static final double FLAT = 16;
    /** Lowest ratio to 1/12 counted, so one near-perfect window cannot dominate. */
    private static final double FLOOR = 0.05;

    /**
     * The strongest region: score = how far (natural log) its mean distance to the lattice lies below
     * the card's at the same offset and quality and below the same window's on the photo's own grid;
     * region (x, y, width, height) in photo pixels; the quality and grid offset of the lattice it sits
     * on.
     */
    public record Finding(double score, int[] region, int quality, int shiftX, int shiftY) {
    }

    /**
     * A window of blocks (its top-left block): level, the natural log of 12 times its mean squared
     * distance to the lattice (0 for no lattice); belowCard, how far that lies below the card's.
     */
    private record Window(int x, int y, double level, double belowCard) {
    }

    /**
     * Coefficients by falling step: a coarse step tells a lattice best (the later compression moves a
     * coefficient by about the same amount whatever its step), so where a textured or noisy block has
     * many off the zero step, the coarsest {@link #PER_BLOCK} are measured.
     */
    private static final int[] COARSEST_FIRST = IntStream.range(0, 64).boxed()
            .sorted(Comparator.comparingInt((Integer k) -> -LUMINANCE[k])).mapToInt(Integer::intValue).toArray();
    private static final float ROUNDING = 12582912f;
    private static final int PER_BLOCK = 24;

    private static final float[][] COS = new float[8][8];

    static {
        for (int u = 0; u < 8; u++) {
            for (int x = 0; x < 8; x++) {
                COS[u][x] = (float) ((u == 0 ? Math.sqrt(0.125) : 0.5) * Math.cos((2 * x + 1) * u * Math.PI / 16));
            }
        }
    }

    static double[] table(int quality) {
        int scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
        double[] q = new double[64];
        for (int k = 0; k < 64; k++) {
            q[k] = Math.max(1, Math.min(255, (LUMINANCE[k] * scale + 50) / 100));
        }
        return q;
    }

    /**
     * Runs once on a small texture so that every class the check needs is loaded on the calling
     * thread: Spring Boot's nested-jar loader can fail a class load made by two threads at once
     * (spring-boot issue 50925), and the check runs beside the reading on a pool thread.
     */
    static void loadClasses() {
        java.util.Random random = new java.util.Random(1);
        int[] px = new int[96 * 96];
        for (int i = 0; i < px.length; i++) {
            px[i] = random.nextInt(0xA0A0A0) + 0x202020;
        }
        strongest(new RgbImage(96, 96, px), new double[][] {{0, 0}, {96, 0}, {96, 96}, {0, 96}});
    }

    /** The strongest region on the card with these corners (photo pixels); null when the card is too flat to judge. */
    public static Finding strongest(RgbImage photo, double[][] corners) {
        double[] bounds = CardLocator.bounds(corners);
        int x0 = Math.max(0, (int) bounds[0]) / 8 * 8;
        int y0 = Math.max(0, (int) bounds[1]) / 8 * 8;
        int x1 = Math.min(photo.width(), (int) bounds[2]);
        int y1 = Math.min(photo.height(), (int) bounds[3]);
        int nbx = (x1 - x0) / 8 - 1;
        int nby = (y1 - y0) / 8 - 1;
        if (nbx < WINDOW || nby < WINDOW) {
            return null;
        }
        int w = x1 - x0;
        int h = y1 - y0;
        float[] luma = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = photo.rgb(x0 + x, y0 + y);
                luma[y * w + x] = (float) (0.299 * (p >> 16 & 0xFF) + 0.587 * (p >> 8 & 0xFF) + 0.114 * (p & 0xFF) - 128);
            }
        }
        int blocks = nbx * nby;
        int qualities = QUALITIES.length;
        float[][] inversesByCoefficient = new float[64][qualities];
        for (int qi = 0; qi < qualities; qi++) {
            double[] t = table(QUALITIES[qi]);
            for (int k = 0; k < 64; k++) {
                inversesByCoefficient[k][qi] = (float) (1 / t[k]);
            }
        }
        float[] distance = new float[qualities];
        float[] measured = new float[qualities];
        // The finest lattice tried: a coefficient below half its step is off the zero step at every quality.
        double[] finest = table(QUALITIES[qualities - 1]);
        boolean[] used = usedBlocks(luma, w, h, x0, y0, nbx, nby, corners);
        Window[][] windows = new Window[64][qualities];
        double[][] closeness = new double[64][qualities];
        float[] rows = new float[h * nbx * 8];
        float[] coefficients = new float[64];
        int[] offStep = new int[64];
        // Written anew for every used block at every offset; unused blocks stay 0.
        double[][] residues = new double[qualities][blocks];
        double[][] counts = new double[qualities][blocks];
        double[] sums = new double[(nbx + 1) * (nby + 1)];
        double[] seen = new double[(nbx + 1) * (nby + 1)];
        for (int sx = 0; sx < 8; sx++) {
            rowTransforms(luma, w, h, sx, nbx, rows);
            for (int sy = 0; sy < 8; sy++) {
                int s = sy * 8 + sx;
                for (int b = 0; b < blocks; b++) {
                    if (!used[b]) {
                        continue;
                    }
                    columnTransform(rows, nbx, b % nbx, sy + 8 * (b / nbx), coefficients);
                    int n = offStep(coefficients, finest, offStep);
                    java.util.Arrays.fill(distance, 0);
                    java.util.Arrays.fill(measured, 0);
                    for (int i = 0; i < n; i++) {
                        int k = offStep[i];
                        float level = Math.abs(coefficients[k]);
                        float[] inverse = inversesByCoefficient[k];
                        // Branch-free over the qualities; adding and taking away 1.5 * 2^23 rounds a float.
                        for (int qi = 0; qi < qualities; qi++) {
                            float a = level * inverse[qi];
                            float e = a - ((a + ROUNDING) - ROUNDING);
                            float off = a >= (float) MIN_LEVEL ? 1 : 0;
                            distance[qi] += off * e * e;
                            measured[qi] += off;
                        }
                    }
                    for (int qi = 0; qi < qualities; qi++) {
                        residues[qi][b] = distance[qi];
                        counts[qi][b] = measured[qi];
                    }
                }
                for (int qi = 0; qi < qualities; qi++) {
                    double total = 0;
                    double n = 1;
                    for (int b = 0; b < blocks; b++) {
                        total += residues[qi][b];
                        n += counts[qi][b];
                    }
                    closeness[s][qi] = total / n;
                    windows[s][qi] = lowestWindow(residues[qi], counts[qi], nbx, nby, Math.log(Math.max(FLOOR, 12 * total / n)),
                            sums, seen);
                }
            }
        }
        // The photo's own grid: the offset whose lattice, at some quality, the whole card sits closest to.
        int grid = 0;
        double least = Double.MAX_VALUE;
        for (int s = 0; s < 64; s++) {
            for (int qi = 0; qi < qualities; qi++) {
                if (closeness[s][qi] < least) {
                    least = closeness[s][qi];
                    grid = s;
                }
            }
        }
        // Strongest first; each is held against the same window on the photo's own grid, where content
        // that does not change along one axis (ruled lines, stripes) sits on the photo's lattice at
        // every offset along that axis.
        List<int[]> candidates = new ArrayList<>();
        for (int s = 0; s < 64; s++) {
            for (int qi = 0; qi < qualities; qi++) {
                if (s != grid && windows[s][qi] != null) {
                    candidates.add(new int[] {s, qi});
                }
            }
        }
        candidates.sort(Comparator.comparingDouble((int[] c) -> -windows[c[0]][c[1]].belowCard()));
        Finding best = null;
        for (int[] c : candidates) {
            Window window = windows[c[0]][c[1]];
            if (best != null && window.belowCard() <= best.score()) {
                break;
            }
            double onGrid = windowCloseness(luma, w, used, nbx, window, grid % 8, grid / 8, inversesByCoefficient, c[1],
                    finest);
            double score = Math.min(window.belowCard(), Math.log(Math.max(FLOOR, 12 * onGrid)) - window.level());
            if (best == null || score > best.score()) {
                int s = c[0];
                best = new Finding(score, new int[] {x0 + s % 8 + 8 * window.x(), y0 + s / 8 + 8 * window.y(), 8 * WINDOW,
                        8 * WINDOW}, QUALITIES[c[1]], (x0 + s % 8) % 8, (y0 + s / 8) % 8);
            }
        }
        return best;
    }

    /**
     * Blocks worth reading: on the card (the table around it has straight-edged objects whose edges
     * line up with one grid offset by chance), with no saturated pixel (it lost what the lattice
     * would predict) and not flat (no coefficient but the mean off the zero step), judged over the
     * 15 x 15 pixels a block covers at any offset.
     */
    private static boolean[] usedBlocks(float[] luma, int w, int h, int x0, int y0, int nbx, int nby, double[][] corners) {
        double[] sum = new double[(w + 1) * (h + 1)];
        double[] squares = new double[(w + 1) * (h + 1)];
        double[] saturated = new double[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y + 1) * (w + 1) + x + 1;
                float v = luma[y * w + x];
                sum[i] = v + sum[i - 1] + sum[i - w - 1] - sum[i - w - 2];
                squares[i] = v * v + squares[i - 1] + squares[i - w - 1] - squares[i - w - 2];
                saturated[i] = (v > CLIP || v < -CLIP ? 1 : 0) + saturated[i - 1] + saturated[i - w - 1] - saturated[i - w - 2];
            }
        }
        double[][] inner = shrunk(corners, 0.08);
        boolean[] used = new boolean[nbx * nby];
        for (int by = 0; by < nby; by++) {
            for (int bx = 0; bx < nbx; bx++) {
                int ax = 8 * bx;
                int ay = 8 * by;
                if (!CardLocator.inside(new double[] {x0 + ax + 8, y0 + ay + 8}, inner)
                        || box(saturated, w, ax, ay, 15) > 0) {
                    continue;
                }
                double mean = box(sum, w, ax, ay, 15) / 225;
                double variance = box(squares, w, ax, ay, 15) / 225 - mean * mean;
                used[by * nbx + bx] = variance * 64 >= FLAT;
            }
        }
        return used;
    }

    /** Mean squared distance to the lattice of quality {@code qi}, in steps, of a window's used blocks at one offset. */
    private static double windowCloseness(float[] luma, int w, boolean[] used, int nbx, Window window, int sx, int sy,
                                          float[][] inversesByCoefficient, int qi, double[] finest) {
        float[] rows = new float[64];
        float[] coefficients = new float[64];
        int[] offStep = new int[64];
        double sum = 0;
        int count = 0;
        for (int by = window.y(); by < window.y() + WINDOW; by++) {
            for (int bx = window.x(); bx < window.x() + WINDOW; bx++) {
                if (!used[by * nbx + bx]) {
                    continue;
                }
                for (int y = 0; y < 8; y++) {
                    rowTransform(luma, (sy + 8 * by + y) * w + sx + 8 * bx, rows, y * 8);
                }
                columnTransform(rows, 1, 0, 0, coefficients);
                int n = offStep(coefficients, finest, offStep);
                for (int i = 0; i < n; i++) {
                    int k = offStep[i];
                    float c = coefficients[k] * inversesByCoefficient[k][qi];
                    if (Math.abs(c) >= MIN_LEVEL) {
                        double e = c - Math.rint(c);
                        sum += e * e;
                        count++;
                    }
                }
            }
        }
        return count == 0 ? 1 : sum / count;
    }

    /**
     * The coefficients worth measuring, into {@code offStep}: off the zero step at the finest quality
     * tried, the {@link #PER_BLOCK} coarsest first. Returns how many.
     */
    private static int offStep(float[] coefficients, double[] finest, int[] offStep) {
        int n = 0;
        for (int i = 0; i < 64 && n < PER_BLOCK; i++) {
            int k = COARSEST_FIRST[i];
            if (Math.abs(coefficients[k]) >= MIN_LEVEL * finest[k]) {
                offStep[n++] = k;
            }
        }
        return n;
    }

    private static double box(double[] integral, int w, int x, int y, int size) {
        int a = y * (w + 1) + x;
        int b = a + size;
        int c = a + size * (w + 1);
        return integral[c + size] - integral[b] - integral[c] + integral[a];
    }

    /** 8-point DCTs of every row segment starting at sx + 8i, stored as rows[y * nbx * 8 + 8i + u]. */
    private static void rowTransforms(float[] luma, int w, int h, int sx, int nbx, float[] rows) {
        for (int y = 0; y < h; y++) {
            for (int i = 0; i < nbx; i++) {
                rowTransform(luma, y * w + sx + 8 * i, rows, y * nbx * 8 + 8 * i);
            }
        }
    }

    /** The 8-point DCT of the 8 pixels from {@code from}, into rows[to .. to + 7]. */
    private static void rowTransform(float[] luma, int from, float[] rows, int to) {
        for (int u = 0; u < 8; u++) {
            float[] cos = COS[u];
            float s = 0;
            for (int x = 0; x < 8; x++) {
                s += cos[x] * luma[from + x];
            }
            rows[to + u] = s;
        }
    }

    /** The block's coefficients (row-major, v * 8 + u) from its rows' transforms. */
    private static void columnTransform(float[] rows, int nbx, int bx, int top, float[] out) {
        int stride = nbx * 8;
        for (int u = 0; u < 8; u++) {
            int column = top * stride + 8 * bx + u;
            for (int v = 0; v < 8; v++) {
                float[] cos = COS[v];
                float s = 0;
                for (int y = 0; y < 8; y++) {
                    s += cos[y] * rows[column + y * stride];
                }
                out[v * 8 + u] = s;
            }
        }
    }

    private static double[][] shrunk(double[][] corners, double by) {
        double cx = 0;
        double cy = 0;
        for (double[] c : corners) {
            cx += c[0] / corners.length;
            cy += c[1] / corners.length;
        }
        double[][] out = new double[corners.length][];
        for (int i = 0; i < corners.length; i++) {
            out[i] = new double[] {corners[i][0] + (cx - corners[i][0]) * by, corners[i][1] + (cy - corners[i][1]) * by};
        }
        return out;
    }

    /**
     * The window (in block units) whose mean squared distance to the lattice, in steps, lies furthest
     * below the card's ({@code card}, natural log of 12 times it); windows with too few coefficients
     * off the zero step are left out.
     */
    private static Window lowestWindow(double[] residue, double[] counted, int nbx, int nby, double card,
                                        double[] sum, double[] count) {
        integral(residue, nbx, nby, sum);
        integral(counted, nbx, nby, count);
        double lowest = Double.MAX_VALUE;
        int lx = -1;
        int ly = 0;
        for (int y = 0; y + WINDOW <= nby; y++) {
            for (int x = 0; x + WINDOW <= nbx; x++) {
                int a = y * (nbx + 1) + x;
                int b = a + WINDOW;
                int c = a + WINDOW * (nbx + 1);
                int d = c + WINDOW;
                double k = count[d] - count[b] - count[c] + count[a];
                if (k < MIN_COEFFICIENTS) {
                    continue;
                }
                double mean = Math.log(Math.max(FLOOR, 12 * (sum[d] - sum[b] - sum[c] + sum[a]) / k));
                if (mean < lowest) {
                    lowest = mean;
                    lx = x;
                    ly = y;
                }
            }
        }
        if (lx < 0) {
            return null;
        }
        // Against the card as a whole, so a photo whose every block sits on this lattice (cropped or
        // turned after its compression) shows no region.
        return new Window(lx, ly, lowest, Math.min(0, card) - lowest);
    }

    private static void integral(double[] values, int nbx, int nby, double[] sum) {
        for (int y = 0; y < nby; y++) {
            for (int x = 0; x < nbx; x++) {
                int i = (y + 1) * (nbx + 1) + x + 1;
                sum[i] = values[y * nbx + x] + sum[i - 1] + sum[i - nbx - 1] - sum[i - nbx - 2];
            }
        }
    }
}
