package io.openekyc.vision.document;

import io.openekyc.vision.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds an ID card's quadrilateral in a photo and rectifies it, classically: edges (Sobel), the
 * strongest straight lines (Hough), and the four lines, two roughly parallel pairs, that enclose a
 * shape of an ID-1 card's proportions (85.6 x 54 mm) and are best supported by edges along their
 * whole length.
 */
public final class CardLocator {

    public static final double CARD_ASPECT = 85.6 / 53.98;
    static final int WORK_WIDTH = 640;
    private static final int ANGLES = 180;

    /** A found card: its corners in the photo (top-left, top-right, bottom-right, bottom-left) and how well edges support them (0..1). */
    public record Located(double[][] corners, double support) {
    }

    private record Line(double theta, double rho, int votes) {
    }

    public Located locate(RgbImage photo) {
        double scale = (double) WORK_WIDTH / photo.width();
        int w = WORK_WIDTH;
        int h = (int) Math.round(photo.height() * scale);
        RgbImage small = photo.region(0, 0, photo.width(), photo.height(), w, h, 0);
        boolean[] edges = edges(small);
        List<Line> lines = houghLines(edges, w, h, 24);
        Located best = null;
        for (int i = 0; i < lines.size(); i++) {
            for (int j = i + 1; j < lines.size(); j++) {
                Line a1 = lines.get(i);
                Line a2 = lines.get(j);
                if (angleBetween(a1, a2) > 12 || Math.abs(a1.rho() - a2.rho()) < 40) {
                    continue;
                }
                for (int k = 0; k < lines.size(); k++) {
                    for (int l = k + 1; l < lines.size(); l++) {
                        Line b1 = lines.get(k);
                        Line b2 = lines.get(l);
                        if (angleBetween(b1, b2) > 12 || Math.abs(b1.rho() - b2.rho()) < 40
                                || Math.abs(angleBetween(a1, b1) - 90) > 20) {
                            continue;
                        }
                        double[][] quad = quad(a1, a2, b1, b2);
                        if (quad == null || !plausible(quad, w, h)) {
                            continue;
                        }
                        double support = support(quad, edges, w, h);
                        if (best == null || support > best.support()) {
                            best = new Located(quad, support);
                        }
                    }
                }
            }
        }
        if (best == null || best.support() < 0.35) {
            return null;
        }
        double[][] corners = new double[4][];
        for (int i = 0; i < 4; i++) {
            corners[i] = new double[] {best.corners()[i][0] / scale, best.corners()[i][1] / scale};
        }
        return new Located(corners, best.support());
    }

    /** The card cut out and straightened to {@code width x height}. */
    public static RgbImage rectify(RgbImage photo, double[][] corners, int width, int height) {
        double[] toPhoto = Homography.between(new double[][] {{0, 0}, {width, 0}, {width, height}, {0, height}}, corners);
        int[] px = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double[] p = Homography.apply(toPhoto, x + 0.5, y + 0.5);
                float sx = (float) p[0] - 0.5f;
                float sy = (float) p[1] - 0.5f;
                px[y * width + x] = Math.round(photo.sample(sx, sy, 0)) << 16 | Math.round(photo.sample(sx, sy, 1)) << 8
                        | Math.round(photo.sample(sx, sy, 2));
            }
        }
        return new RgbImage(width, height, px);
    }

    private static boolean[] edges(RgbImage image) {
        int w = image.width();
        int h = image.height();
        double[] grey = image.luma();
        double[] magnitude = new double[w * h];
        double[] sorted = new double[(w - 2) * (h - 2)];
        int n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                double gx = grey[(y - 1) * w + x + 1] + 2 * grey[y * w + x + 1] + grey[(y + 1) * w + x + 1]
                        - grey[(y - 1) * w + x - 1] - 2 * grey[y * w + x - 1] - grey[(y + 1) * w + x - 1];
                double gy = grey[(y + 1) * w + x - 1] + 2 * grey[(y + 1) * w + x] + grey[(y + 1) * w + x + 1]
                        - grey[(y - 1) * w + x - 1] - 2 * grey[(y - 1) * w + x] - grey[(y - 1) * w + x + 1];
                magnitude[y * w + x] = Math.hypot(gx, gy);
                sorted[n++] = magnitude[y * w + x];
            }
        }
        java.util.Arrays.sort(sorted, 0, n);
        double threshold = Math.max(60, sorted[(int) (n * 0.9)]);
        boolean[] edges = new boolean[w * h];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = magnitude[i] >= threshold;
        }
        return edges;
    }

    private static List<Line> houghLines(boolean[] edges, int w, int h, int count) {
        double maxRho = Math.hypot(w, h);
        int rhoBins = (int) (2 * maxRho / 2) + 1;
        int[] votes = new int[ANGLES * rhoBins];
        double[] cos = new double[ANGLES];
        double[] sin = new double[ANGLES];
        for (int t = 0; t < ANGLES; t++) {
            cos[t] = Math.cos(Math.toRadians(t));
            sin[t] = Math.sin(Math.toRadians(t));
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (edges[y * w + x]) {
                    for (int t = 0; t < ANGLES; t++) {
                        int r = (int) Math.round((x * cos[t] + y * sin[t] + maxRho) / 2);
                        votes[t * rhoBins + r]++;
                    }
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        boolean[] taken = new boolean[votes.length];
        for (int found = 0; found < count; found++) {
            int best = -1;
            for (int i = 0; i < votes.length; i++) {
                if (!taken[i] && (best < 0 || votes[i] > votes[best])) {
                    best = i;
                }
            }
            if (best < 0 || votes[best] < 30) {
                break;
            }
            int t = best / rhoBins;
            int r = best % rhoBins;
            lines.add(new Line(t, r * 2 - maxRho, votes[best]));
            // Suppress the neighbourhood so one edge does not give several lines.
            for (int dt = -6; dt <= 6; dt++) {
                for (int dr = -8; dr <= 8; dr++) {
                    int tt = Math.floorMod(t + dt, ANGLES);
                    int rr = r + (t + dt < 0 || t + dt >= ANGLES ? -dr : dr);
                    if (rr >= 0 && rr < rhoBins) {
                        taken[tt * rhoBins + rr] = true;
                    }
                }
            }
        }
        return lines;
    }

    private static double angleBetween(Line a, Line b) {
        double d = Math.abs(a.theta() - b.theta()) % 180;
        return Math.min(d, 180 - d);
    }

    /** The quadrilateral of two line pairs, corners ordered top-left, top-right, bottom-right, bottom-left. */
    private static double[][] quad(Line a1, Line a2, Line b1, Line b2) {
        double[][] p = {intersect(a1, b1), intersect(a1, b2), intersect(a2, b2), intersect(a2, b1)};
        for (double[] q : p) {
            if (q == null) {
                return null;
            }
        }
        double cx = 0;
        double cy = 0;
        for (double[] q : p) {
            cx += q[0] / 4;
            cy += q[1] / 4;
        }
        double[][] ordered = new double[4][];
        for (double[] q : p) {
            int index = q[1] < cy ? (q[0] < cx ? 0 : 1) : (q[0] < cx ? 3 : 2);
            if (ordered[index] != null) {
                return null; // degenerate (a corner quadrant twice)
            }
            ordered[index] = q;
        }
        // A card photographed in portrait: rotate the order so the long side is on top.
        double top = Math.hypot(ordered[1][0] - ordered[0][0], ordered[1][1] - ordered[0][1]);
        double left = Math.hypot(ordered[3][0] - ordered[0][0], ordered[3][1] - ordered[0][1]);
        if (left > top) {
            ordered = new double[][] {ordered[3], ordered[0], ordered[1], ordered[2]};
        }
        return ordered;
    }

    private static double[] intersect(Line a, Line b) {
        double ta = Math.toRadians(a.theta());
        double tb = Math.toRadians(b.theta());
        double det = Math.cos(ta) * Math.sin(tb) - Math.sin(ta) * Math.cos(tb);
        if (Math.abs(det) < 1e-6) {
            return null;
        }
        double x = (a.rho() * Math.sin(tb) - b.rho() * Math.sin(ta)) / det;
        double y = (Math.cos(ta) * b.rho() - Math.cos(tb) * a.rho()) / det;
        return new double[] {x, y};
    }

    private static boolean plausible(double[][] q, int w, int h) {
        for (double[] p : q) {
            if (p[0] < -0.05 * w || p[1] < -0.05 * h || p[0] > 1.05 * w || p[1] > 1.05 * h) {
                return false;
            }
        }
        double top = Math.hypot(q[1][0] - q[0][0], q[1][1] - q[0][1]);
        double bottom = Math.hypot(q[2][0] - q[3][0], q[2][1] - q[3][1]);
        double left = Math.hypot(q[3][0] - q[0][0], q[3][1] - q[0][1]);
        double right = Math.hypot(q[2][0] - q[1][0], q[2][1] - q[1][1]);
        double aspect = (top + bottom) / (left + right);
        double area = 0.5 * Math.abs((q[0][0] * q[1][1] - q[1][0] * q[0][1]) + (q[1][0] * q[2][1] - q[2][0] * q[1][1])
                + (q[2][0] * q[3][1] - q[3][0] * q[2][1]) + (q[3][0] * q[0][1] - q[0][0] * q[3][1]));
        return aspect > CARD_ASPECT * 0.8 && aspect < CARD_ASPECT * 1.25 && area > 0.08 * w * h;
    }

    /** Share of points along the four sides that lie on (or next to) an edge pixel. */
    private static double support(double[][] q, boolean[] edges, int w, int h) {
        int hits = 0;
        int total = 0;
        for (int side = 0; side < 4; side++) {
            double[] a = q[side];
            double[] b = q[(side + 1) % 4];
            int steps = 60;
            for (int s = 2; s < steps - 2; s++) {
                double x = a[0] + (b[0] - a[0]) * s / steps;
                double y = a[1] + (b[1] - a[1]) * s / steps;
                total++;
                if (nearEdge(edges, w, h, (int) Math.round(x), (int) Math.round(y))) {
                    hits++;
                }
            }
        }
        return (double) hits / total;
    }

    private static boolean nearEdge(boolean[] edges, int w, int h, int x, int y) {
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                int xx = x + dx;
                int yy = y + dy;
                if (xx >= 0 && yy >= 0 && xx < w && yy < h && edges[yy * w + xx]) {
                    return true;
                }
            }
        }
        return false;
    }
}
