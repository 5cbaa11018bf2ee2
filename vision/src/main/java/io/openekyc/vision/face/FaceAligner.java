package io.openekyc.vision.face;

import io.openekyc.vision.image.RgbImage;

/**
 * Warps a face to the standard 112x112 ArcFace crop with the least-squares similarity transform
 * (rotation, uniform scale, translation; no shear) that maps its five points onto the template.
 */
public final class FaceAligner {

    public static final int SIZE = 112;
    static final float[][] TEMPLATE = {
            {38.2946f, 51.6963f}, {73.5318f, 51.5014f}, {56.0252f, 71.7366f},
            {41.5493f, 92.3655f}, {70.7299f, 92.2041f}};

    private FaceAligner() {
    }

    /** {a, b, tx, ty} of the map (x, y) -> (a x - b y + tx, b x + a y + ty) taking {@code from} to {@code to}. */
    static double[] similarity(Point[] from, float[][] to) {
        int n = from.length;
        double fx = 0;
        double fy = 0;
        double tx = 0;
        double ty = 0;
        for (int i = 0; i < n; i++) {
            fx += from[i].x();
            fy += from[i].y();
            tx += to[i][0];
            ty += to[i][1];
        }
        fx /= n;
        fy /= n;
        tx /= n;
        ty /= n;
        double dot = 0;
        double cross = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            double px = from[i].x() - fx;
            double py = from[i].y() - fy;
            double qx = to[i][0] - tx;
            double qy = to[i][1] - ty;
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
            norm += px * px + py * py;
        }
        if (norm == 0) {
            throw new IllegalArgumentException("alignment points coincide");
        }
        double a = dot / norm;
        double b = cross / norm;
        return new double[] {a, b, tx - (a * fx - b * fy), ty - (b * fx + a * fy)};
    }

    public static RgbImage align(RgbImage image, Point[] fivePoints) {
        double[] m = similarity(fivePoints, TEMPLATE);
        double a = m[0];
        double b = m[1];
        double det = a * a + b * b;
        int[] out = new int[SIZE * SIZE];
        for (int v = 0; v < SIZE; v++) {
            for (int u = 0; u < SIZE; u++) {
                double du = u - m[2];
                double dv = v - m[3];
                float x = (float) ((a * du + b * dv) / det);
                float y = (float) ((-b * du + a * dv) / det);
                // Outside the picture stays black, as OpenCV's warpAffine (the reference pipeline) leaves it.
                if ((x < -0.5f || y < -0.5f || x > image.width() - 0.5f || y > image.height() - 0.5f)) {
                    continue;
                }
                int r = Math.round(image.sample(x, y, 0));
                int g = Math.round(image.sample(x, y, 1));
                int bl = Math.round(image.sample(x, y, 2));
                out[v * SIZE + u] = (r << 16) | (g << 8) | bl;
            }
        }
        return new RgbImage(SIZE, SIZE, out);
    }
}
