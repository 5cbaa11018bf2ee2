package io.openekyc.vision.document;

import io.openekyc.vision.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds an ID card's quadrilateral in a photo and rectifies it, classically: oriented edges
 * (Sobel), the strongest straight lines (a Hough transform where each edge pixel votes only near its
 * own gradient direction), and the four lines, two roughly parallel pairs, that enclose a shape of
 * an ID-1 card's proportions (85.6 x 54 mm) with edges of one consistent contrast along all four
 * sides: a card front's portrait, QR and text make strong inner lines, but their edges cross a
 * side at all angles and with both contrasts, while a border's do not. The corners are
 * then refined on the full-resolution photo (sub-pixel edge points, a least-squares line per side)
 * and turned so the card reads upright ({@link CardOrientation}).
 */
public final class CardLocator {

    public static final double CARD_ASPECT = 85.6 / 53.98;
    static final int WORK_SIZE = 640;
    private static final int ANGLES = 180;
    private static final int LINES = 40;
    /** Largest angle (degrees) between opposite sides: those of a card seen obliquely converge by 15 degrees and more. */
    private static final int OPPOSITE_SIDES = 18;
    /** Largest channel difference (0-255) of a pixel still taken for the paper beside it. */
    private static final int PAPER_TOLERANCE = 28;

    /** A found card: its corners in the photo (top-left, top-right, bottom-right, bottom-left) and how well edges support them (0..1). */
    public record Located(double[][] corners, double support, int otherCards) {

        public Located(double[][] corners, double support) {
            this(corners, support, 0);
        }
    }

    private record Line(double theta, double rho, int votes) {
    }

    /** Sobel gradients of the working image and the magnitude above which a pixel is an edge. */
    private record Gradients(int w, int h, float[] gx, float[] gy, float[] magnitude, double threshold) {

        boolean edge(int x, int y) {
            return x >= 0 && y >= 0 && x < w && y < h && magnitude[y * w + x] >= threshold;
        }
    }

    /** A quadrilateral of four of the Hough lines (their indices: two roughly parallel pairs). */
    private record Candidate(double[][] quad, double support, double area, List<Integer> lines) {

        int sharedLines(Candidate other) {
            return (int) lines.stream().filter(other.lines()::contains).count();
        }
    }

    /** A TD3 passport data page: 125 x 88 mm. */
    static final double PASSPORT_ASPECT = 125.0 / 88;
    /** Between a passport page's aspect and an ID-1 card's: their geometric mean. */
    static final double PASSPORT_OR_CARD = Math.sqrt(PASSPORT_ASPECT * CARD_ASPECT);

    public Located locate(RgbImage photo) {
        double scale = (double) WORK_SIZE / Math.max(photo.width(), photo.height());
        int w = (int) Math.round(photo.width() * scale);
        int h = (int) Math.round(photo.height() * scale);
        RgbImage small = photo.region(0, 0, photo.width(), photo.height(), w, h, 0);
        Gradients grey = gradients(small, false);
        Outlines found = outlines(grey, w, h, false);
        if (found.best() == null) {
            // A faint side 1-2 degrees off the Hough bins: judged on the binned line, it is 5 px off at
            // its ends and fails its support.
            found = outlines(grey, w, h, true);
        }
        if (found.best() == null) {
            // Under low light a pale card and a brown table can have the same grey level: their
            // edge is one of colour alone.
            found = outlines(gradients(small, true), w, h, true);
        }
        if (found.best() == null) {
            return null;
        }
        Candidate best = found.best();
        List<Candidate> strong = found.strong();
        best = wholePassportPage(best, strong);
        double[][] outline = paperEdge(best.quad(), small);
        double[][] corners = new double[4][];
        for (int i = 0; i < 4; i++) {
            // Working-image pixel centres sit at +0.5 (continuous photo coordinates).
            corners[i] = new double[] {(outline[i][0] + 0.5) / scale, (outline[i][1] + 0.5) / scale};
        }
        // Hough angles are 1-degree steps: the coarse sides may be off by several pixels at their ends.
        corners = refine(photo, refine(photo, corners, 4 / scale), 3);
        return new Located(CardOrientation.upright(photo, corners), best.support(), otherCards(best, strong));
    }

    /** The best-supported card outline (null when none has every side supported) and every well-supported one. */
    private record Outlines(Candidate best, List<Candidate> strong) {
    }

    /**
     * @param refit judge the outlines on lines re-fitted between the Hough bins ({@link #refined}); they
     *              keep the binned lines' corners, which are found to a fraction of a pixel on the photo
     *              afterwards (refine)
     */
    private static Outlines outlines(Gradients g, int w, int h, boolean refit) {
        List<Line> binned = houghLines(g, LINES);
        List<Line> lines = refit ? binned.stream().map(line -> refined(line, g)).toList() : binned;
        Candidate best = null;
        List<Candidate> strong = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (int j = i + 1; j < lines.size(); j++) {
                Line a1 = lines.get(i);
                Line a2 = lines.get(j);
                if (angleBetween(a1, a2) > OPPOSITE_SIDES || Math.abs(a1.rho() - a2.rho()) < 40) {
                    continue;
                }
                for (int k = i + 1; k < lines.size(); k++) {
                    for (int l = k + 1; l < lines.size(); l++) {
                        if (k == j || l == j) {
                            continue;
                        }
                        Line b1 = lines.get(k);
                        Line b2 = lines.get(l);
                        if (angleBetween(b1, b2) > OPPOSITE_SIDES || Math.abs(b1.rho() - b2.rho()) < 40
                                || Math.abs(angleBetween(a1, b1) - 90) > 20) {
                            continue;
                        }
                        double[][] quad = quad(a1, a2, b1, b2);
                        if (quad == null || !plausible(quad, w, h)) {
                            continue;
                        }
                        double support = support(quad, g);
                        double[][] corners = refit ? quad(binned.get(i), binned.get(j), binned.get(k), binned.get(l)) : quad;
                        if (corners == null) {
                            continue;
                        }
                        Candidate candidate = new Candidate(corners, support, area(corners), List.of(i, j, k, l));
                        if (support >= 0.5) {
                            strong.add(candidate);
                        }
                        // Equal support: the outer quadrilateral (the border encloses the inner boxes).
                        if (support > 0 && (best == null || support > best.support()
                                || support == best.support() && candidate.area() > best.area())) {
                            best = candidate;
                        }
                    }
                }
            }
        }
        return new Outlines(best == null || best.support() < 0.5 ? null : best, strong);
    }

    /**
     * Well-supported card outlines apart from the best one: candidates of at least half its area whose
     * centre lies outside it (a second card beside it, not its inner boxes), counted once per place.
     */
    private static int otherCards(Candidate best, List<Candidate> strong) {
        List<Candidate> others = new ArrayList<>();
        for (Candidate candidate : strong) {
            if (candidate.area() < 0.5 * best.area() || inside(centre(candidate.quad()), best.quad())
                    || inside(centre(best.quad()), candidate.quad())) {
                continue;
            }
            if (others.stream().noneMatch(o -> inside(centre(candidate.quad()), o.quad()))) {
                others.add(candidate);
            }
        }
        return others.size();
    }

    /**
     * On a passport data page the edge of the MRZ band cuts off an ID-1-shaped quadrilateral (the page
     * above the band), often as well supported as the page itself. A well-supported candidate of a
     * passport page's proportions that shares three sides with it and extends it is the whole page.
     */
    private static Candidate wholePassportPage(Candidate best, List<Candidate> strong) {
        // Seen from below, the part above the band can look narrower than an ID-1 card.
        if (aspect(best.quad()) < PASSPORT_ASPECT * 1.03) {
            return best;
        }
        Candidate page = best;
        for (Candidate candidate : strong) {
            double aspect = aspect(candidate.quad());
            // The zone below the edge: the MRZ's two lines and their margins, 15-30% of the page's height.
            double extension = candidate.area() / best.area();
            if (candidate.sharedLines(best) == 3 && extension > 1.15 && extension < 1.42 && candidate.area() > page.area()
                    && candidate.support() >= best.support() - 0.1
                    && aspect > PASSPORT_ASPECT * 0.85 && aspect < PASSPORT_ASPECT * 1.12) {
                page = candidate;
            }
        }
        return page;
    }

    /**
     * A document whose print is framed (a paper registration certificate's ruled border) shows the
     * frame's lines far more sharply than the edge of its pale paper, so the frame can win as the
     * outline. Across each side, the paper's edge is where the colour of the paper just inside the
     * side gives way for good (a run of other colours longer than a ruled line is thick); where
     * those places line up on a straight line beyond the side, the side moves out to it. A card whose
     * outline is its own edge has background beyond it: its sides stay. Every side must show its
     * paper's edge (a frame is printed all round), else nothing moves.
     */
    private static double[][] paperEdge(double[][] quad, RgbImage image) {
        double[][] lines = new double[4][];
        boolean moved = false;
        double[] c = centre(quad);
        for (int side = 0; side < 4; side++) {
            double[] a = quad[side];
            double[] b = quad[(side + 1) % 4];
            double length = Math.hypot(b[0] - a[0], b[1] - a[1]);
            double nx = (b[1] - a[1]) / length;
            double ny = -(b[0] - a[0]) / length;
            if ((a[0] - c[0]) * nx + (a[1] - c[1]) * ny < 0) { // the normal pointing away from the card
                nx = -nx;
                ny = -ny;
            }
            double[] opposite = quad[(side + 2) % 4];
            double depth = Math.abs((opposite[0] - a[0]) * nx + (opposite[1] - a[1]) * ny);
            // A frame's margin is a few percent of the document's depth.
            int reach = (int) Math.max(8, 0.08 * depth);
            List<double[]> points = new ArrayList<>();
            List<Double> offsets = new ArrayList<>();
            for (int s = 2; s <= 38; s++) {
                double x = a[0] + (b[0] - a[0]) * s / 40;
                double y = a[1] + (b[1] - a[1]) * s / 40;
                double edge = paperEnds(image, x, y, nx, ny, reach);
                if (!Double.isNaN(edge)) {
                    points.add(new double[] {x + edge * nx, y + edge * ny});
                    offsets.add(edge);
                }
            }
            double[] line = straightRun(points);
            if (line == null) {
                return quad;
            }
            // Offset of the fitted line from the side at its middle (positive: outwards).
            double mx = (a[0] + b[0]) / 2;
            double my = (a[1] + b[1]) / 2;
            double along = line[0] * nx + line[1] * ny;
            double shift = Math.abs(along) < 0.9 ? 0 : (line[2] - line[0] * mx - line[1] * my) / along;
            if (shift > 1.5 && shift < reach) {
                lines[side] = line;
                moved = true;
            } else {
                lines[side] = lineThrough(a, b);
            }
        }
        if (!moved) {
            return quad;
        }
        double[][] out = new double[4][];
        for (int i = 0; i < 4; i++) {
            out[i] = meet(lines[(i + 3) % 4], lines[i]);
            if (out[i] == null) {
                return quad;
            }
        }
        return plausible(out, image.width(), image.height()) ? out : quad;
    }

    /**
     * Along the outward normal from (x, y): the offset where the paper (the median colour 4-12 px
     * inside) ends before a run of at least 5 px of other colours; NaN when it does not within reach.
     */
    private static double paperEnds(RgbImage image, double x, double y, double nx, double ny, int reach) {
        int[][] inside = new int[3][9];
        for (int k = 0; k < 9; k++) {
            for (int ch = 0; ch < 3; ch++) {
                inside[ch][k] = Math.round(image.sample((float) (x - (4 + k) * nx), (float) (y - (4 + k) * ny), ch));
            }
        }
        float[] paper = new float[3];
        for (int ch = 0; ch < 3; ch++) {
            java.util.Arrays.sort(inside[ch]);
            paper[ch] = inside[ch][4];
        }
        int lastPaper = Integer.MIN_VALUE;
        int other = 0;
        for (int d = -2; d <= reach; d++) {
            float px = (float) (x + d * nx);
            float py = (float) (y + d * ny);
            if (px < 0 || py < 0 || px > image.width() - 1 || py > image.height() - 1) {
                return Double.NaN;
            }
            boolean isPaper = true;
            for (int ch = 0; ch < 3; ch++) {
                isPaper &= Math.abs(image.sample(px, py, ch) - paper[ch]) <= PAPER_TOLERANCE;
            }
            if (isPaper) {
                lastPaper = d;
                other = 0;
            } else if (++other >= 5) {
                return lastPaper == Integer.MIN_VALUE ? Double.NaN : lastPaper + 0.5;
            }
        }
        return Double.NaN;
    }

    /** A line (a, b, c with ax + by = c) through at least half of 37 points (outliers dropped); null when they do not line up. */
    private static double[] straightRun(List<double[]> points) {
        // Two rounds at 3 px first: an edge point of the frame's line among the paper's does not tilt the fit.
        return trimmedLine(points, 4, 2, 18);
    }

    /**
     * Least squares, {@code rounds} times dropping points farther than 1.5 px from the line (3 px in the
     * first {@code wideRounds}); null when fewer than {@code minimum} points are left.
     */
    private static double[] trimmedLine(List<double[]> points, int rounds, int wideRounds, int minimum) {
        List<double[]> kept = points;
        for (int round = 0; round < rounds; round++) {
            if (kept.size() < minimum) {
                return null;
            }
            double[] line = leastSquares(kept);
            double tolerance = round < wideRounds ? 3 : 1.5;
            List<double[]> close = new ArrayList<>();
            for (double[] p : kept) {
                if (Math.abs(line[0] * p[0] + line[1] * p[1] - line[2]) < tolerance) {
                    close.add(p);
                }
            }
            kept = close;
        }
        return kept.size() < minimum ? null : leastSquares(kept);
    }

    private static double[] lineThrough(double[] p, double[] q) {
        double length = Math.hypot(q[0] - p[0], q[1] - p[1]);
        double a = -(q[1] - p[1]) / length;
        double b = (q[0] - p[0]) / length;
        return new double[] {a, b, a * p[0] + b * p[1]};
    }

    private static double[] centre(double[][] q) {
        return new double[] {(q[0][0] + q[1][0] + q[2][0] + q[3][0]) / 4, (q[0][1] + q[1][1] + q[2][1] + q[3][1]) / 4};
    }

    /** Whether a point lies inside a convex quadrilateral (same side of all four edges), in either winding. */
    static boolean inside(double[] p, double[][] q) {
        int sign = 0;
        for (int i = 0; i < 4; i++) {
            double[] a = q[i];
            double[] b = q[(i + 1) % 4];
            double cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
            int s = cross > 0 ? 1 : cross < 0 ? -1 : 0;
            if (s != 0) {
                if (sign != 0 && s != sign) {
                    return false;
                }
                sign = s;
            }
        }
        return true;
    }

    /** The bounding box of a quadrilateral: min x, min y, max x, max y. */
    public static double[] bounds(double[][] corners) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] c : corners) {
            box[0] = Math.min(box[0], c[0]);
            box[1] = Math.min(box[1], c[1]);
            box[2] = Math.max(box[2], c[0]);
            box[3] = Math.max(box[3], c[1]);
        }
        return box;
    }

    /** Width over height of a quadrilateral (top-left, top-right, bottom-right, bottom-left), opposite sides averaged. */
    public static double aspect(double[][] c) {
        double horizontal = Math.hypot(c[1][0] - c[0][0], c[1][1] - c[0][1]) + Math.hypot(c[2][0] - c[3][0], c[2][1] - c[3][1]);
        double vertical = Math.hypot(c[3][0] - c[0][0], c[3][1] - c[0][1]) + Math.hypot(c[2][0] - c[1][0], c[2][1] - c[1][1]);
        return horizontal / vertical;
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

    /**
     * Sobel gradients of the grey levels, or with {@code colour} of whichever of red, green and blue
     * changes most at each pixel.
     */
    private static Gradients gradients(RgbImage image, boolean colour) {
        int w = image.width();
        int h = image.height();
        double[][] planes = colour ? channels(image) : new double[][] {image.luma()};
        float[] gx = new float[w * h];
        float[] gy = new float[w * h];
        float[] magnitude = new float[w * h];
        float[] sorted = new float[(w - 2) * (h - 2)];
        int n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                for (double[] grey : planes) {
                    double dx = grey[i - w + 1] + 2 * grey[i + 1] + grey[i + w + 1]
                            - grey[i - w - 1] - 2 * grey[i - 1] - grey[i + w - 1];
                    double dy = grey[i + w - 1] + 2 * grey[i + w] + grey[i + w + 1]
                            - grey[i - w - 1] - 2 * grey[i - w] - grey[i - w + 1];
                    double m = Math.hypot(dx, dy);
                    if (m >= magnitude[i]) {
                        gx[i] = (float) dx;
                        gy[i] = (float) dy;
                        magnitude[i] = (float) m;
                    }
                }
                sorted[n++] = magnitude[i];
            }
        }
        java.util.Arrays.sort(sorted, 0, n);
        // Relative (the top 20%) so dim photos keep their border, with a floor against sensor noise.
        double threshold = Math.max(24, sorted[(int) (n * 0.8)]);
        return new Gradients(w, h, gx, gy, magnitude, threshold);
    }

    private static double[][] channels(RgbImage image) {
        int n = image.width() * image.height();
        double[][] planes = new double[3][n];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int rgb = image.rgb(x, y);
                int i = y * image.width() + x;
                planes[0][i] = (rgb >> 16) & 0xff;
                planes[1][i] = (rgb >> 8) & 0xff;
                planes[2][i] = rgb & 0xff;
            }
        }
        return planes;
    }

    /** Strongest lines; an edge pixel votes only within a few degrees of its own gradient direction. */
    private static List<Line> houghLines(Gradients g, int count) {
        int w = g.w();
        int h = g.h();
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
                int i = y * w + x;
                if (g.magnitude()[i] < g.threshold()) {
                    continue;
                }
                int direction = (int) Math.round(Math.toDegrees(Math.atan2(g.gy()[i], g.gx()[i])));
                for (int dt = -3; dt <= 3; dt++) {
                    int t = Math.floorMod(direction + dt, ANGLES);
                    int r = (int) Math.round((x * cos[t] + y * sin[t] + maxRho) / 2);
                    votes[t * rhoBins + r]++;
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
            for (int dt = -3; dt <= 3; dt++) {
                for (int dr = -4; dr <= 4; dr++) {
                    int tt = Math.floorMod(t + dt, ANGLES);
                    // Across 0/180 degrees the same line has the opposite rho.
                    int rr = t + dt < 0 || t + dt >= ANGLES ? rhoBins - 1 - (r + dr) : r + dr;
                    if (rr >= 0 && rr < rhoBins) {
                        taken[tt * rhoBins + rr] = true;
                    }
                }
            }
        }
        return lines;
    }

    /**
     * The line re-fitted between the Hough bins: the angle within 2 degrees and the offset within 4 px
     * that puts the most of its edge pixels within a pixel of it. A side 1.5 degrees off a bin runs
     * 5 px off the binned line at its ends, while its support is judged within 2 px.
     */
    private static Line refined(Line line, Gradients g) {
        double c0 = Math.cos(Math.toRadians(line.theta()));
        double s0 = Math.sin(Math.toRadians(line.theta()));
        List<double[]> near = new ArrayList<>();
        for (int y = 0; y < g.h(); y++) {
            for (int x = 0; x < g.w(); x++) {
                int i = y * g.w() + x;
                if (g.magnitude()[i] < g.threshold() || Math.abs(x * c0 + y * s0 - line.rho()) > 7) {
                    continue;
                }
                double d = Math.abs(Math.toDegrees(Math.atan2(g.gy()[i], g.gx()[i])) - line.theta()) % 180;
                if (Math.min(d, 180 - d) <= 5) {
                    near.add(new double[] {x, y});
                }
            }
        }
        double bestTheta = line.theta();
        double bestRho = line.rho();
        int bestCount = -1;
        for (double dt = -2; dt <= 2; dt += 0.25) {
            double c = Math.cos(Math.toRadians(line.theta() + dt));
            double s = Math.sin(Math.toRadians(line.theta() + dt));
            for (double dr = -4; dr <= 4; dr += 0.5) {
                int count = 0;
                for (double[] p : near) {
                    if (Math.abs(p[0] * c + p[1] * s - line.rho() - dr) <= 1) {
                        count++;
                    }
                }
                if (count > bestCount) {
                    bestCount = count;
                    bestTheta = line.theta() + dt;
                    bestRho = line.rho() + dr;
                }
            }
        }
        // Angles stay in [0, 180): across either end the same line has the opposite offset.
        if (bestTheta < 0 || bestTheta >= 180) {
            return new Line(bestTheta < 0 ? bestTheta + 180 : bestTheta - 180, -bestRho, line.votes());
        }
        return new Line(bestTheta, bestRho, line.votes());
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
        // As low as a passport page (1.42) seen from below its lower edge, foreshortened by 15%.
        return aspect > CARD_ASPECT * 0.75 && aspect < CARD_ASPECT * 1.25 && area(q) > 0.08 * w * h;
    }

    private static double area(double[][] q) {
        return 0.5 * Math.abs((q[0][0] * q[1][1] - q[1][0] * q[0][1]) + (q[1][0] * q[2][1] - q[2][0] * q[1][1])
                + (q[2][0] * q[3][1] - q[3][0] * q[2][1]) + (q[3][0] * q[0][1] - q[0][0] * q[3][1]));
    }

    /**
     * Mean over the four sides of the share of points along each side that lie next to an edge
     * running the side's way with the side's dominant contrast (card brighter or darker than what
     * surrounds it); 0 when any side is supported on less than half its length. Text and portrait
     * edges cross a side at all angles and with both contrasts; a card border does not.
     */
    private static double support(double[][] q, Gradients g) {
        double sum = 0;
        double min = 1;
        for (int side = 0; side < 4; side++) {
            double[] a = q[side];
            double[] b = q[(side + 1) % 4];
            double length = Math.hypot(b[0] - a[0], b[1] - a[1]);
            double nx = (b[1] - a[1]) / length;
            double ny = -(b[0] - a[0]) / length;
            int steps = 50;
            int positive = 0;
            int negative = 0;
            int inside = 0;
            for (int s = 2; s < steps - 2; s++) {
                double x = a[0] + (b[0] - a[0]) * s / steps;
                double y = a[1] + (b[1] - a[1]) * s / steps;
                // A card running out of the frame is judged by the part of each side in the picture.
                if (x < 3 || y < 3 || x > g.w() - 4 || y > g.h() - 4) {
                    continue;
                }
                inside++;
                int polarity = edgeAcross(g, x, y, nx, ny);
                if (polarity > 0) {
                    positive++;
                } else if (polarity < 0) {
                    negative++;
                }
            }
            double share = inside < (steps - 4) / 2 ? 0 : Math.max(positive, negative) / (double) inside;
            sum += share;
            min = Math.min(min, share);
        }
        return min < 0.5 ? 0 : sum / 4;
    }

    /** +1 or -1 (its contrast) when an edge across the normal (nx, ny) lies within 2 px of (x, y), else 0. */
    private static int edgeAcross(Gradients g, double x, double y, double nx, double ny) {
        for (int d = -2; d <= 2; d++) {
            int xx = (int) Math.round(x + d * nx);
            int yy = (int) Math.round(y + d * ny);
            if (g.edge(xx, yy)) {
                int i = yy * g.w() + xx;
                double along = (g.gx()[i] * nx + g.gy()[i] * ny) / g.magnitude()[i];
                if (Math.abs(along) > 0.9) { // within ~25 degrees of the side's normal
                    return along > 0 ? 1 : -1;
                }
            }
        }
        return 0;
    }

    /**
     * Sub-pixel corners: along each side, the strongest grey-level step across it within
     * {@code reach} pixels, a least-squares line through those points (outliers dropped), and the
     * corners where neighbouring lines meet. A side without enough clear points keeps its line.
     */
    static double[][] refine(RgbImage photo, double[][] corners, double reach) {
        double[][] lines = new double[4][];
        for (int side = 0; side < 4; side++) {
            double[] a = corners[side];
            double[] b = corners[(side + 1) % 4];
            double length = Math.hypot(b[0] - a[0], b[1] - a[1]);
            double dx = (b[0] - a[0]) / length;
            double dy = (b[1] - a[1]) / length;
            double nx = dy;
            double ny = -dx;
            List<double[]> points = new ArrayList<>();
            List<Double> steps = new ArrayList<>();
            for (int s = 1; s < 40; s++) {
                double px = a[0] + (b[0] - a[0]) * (0.05 + 0.9 * s / 40);
                double py = a[1] + (b[1] - a[1]) * (0.05 + 0.9 * s / 40);
                double bestT = 0;
                double best = 0;
                double[] profile = new double[(int) (2 * reach) * 2 + 3];
                int n = profile.length;
                for (int k = 0; k < n; k++) {
                    double t = (k - n / 2) * 0.5;
                    profile[k] = grey(photo, px + t * nx, py + t * ny);
                }
                double[] diff = new double[n];
                for (int k = 1; k < n - 1; k++) {
                    diff[k] = profile[k + 1] - profile[k - 1];
                }
                int bestK = -1;
                for (int k = 2; k < n - 2; k++) {
                    if (Math.abs(diff[k]) > best) {
                        best = Math.abs(diff[k]);
                        bestK = k;
                    }
                }
                if (bestK < 0) {
                    continue;
                }
                // Parabola through the step's peak and its neighbours.
                double l = Math.abs(diff[bestK - 1]);
                double r = Math.abs(diff[bestK + 1]);
                double denominator = l - 2 * best + r;
                double offset = denominator == 0 ? 0 : 0.5 * (l - r) / denominator;
                bestT = (bestK - n / 2 + offset) * 0.5;
                points.add(new double[] {px + bestT * nx, py + bestT * ny});
                steps.add(diff[bestK]);
            }
            lines[side] = fitLine(points, steps);
        }
        double[][] refined = new double[4][];
        for (int i = 0; i < 4; i++) {
            double[] previous = lines[(i + 3) % 4];
            double[] current = lines[i];
            double[] p = previous == null || current == null ? null : meet(previous, current);
            // Keep the coarse corner when a side could not be fitted or the fit wandered off.
            refined[i] = p == null || Math.hypot(p[0] - corners[i][0], p[1] - corners[i][1]) > 2 * reach
                    ? corners[i] : p;
        }
        return refined;
    }

    /** Photo grey level at continuous coordinates (pixel centres at +0.5). */
    private static double grey(RgbImage photo, double x, double y) {
        return photo.sampleGrey((float) x - 0.5f, (float) y - 0.5f);
    }

    /** A line (a, b, c with ax + by = c, a^2 + b^2 = 1) through points whose step has the majority sign. */
    private static double[] fitLine(List<double[]> points, List<Double> steps) {
        long positive = steps.stream().filter(s -> s > 0).count();
        boolean sign = positive * 2 >= steps.size();
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (steps.get(i) > 0 == sign) {
                kept.add(points.get(i));
            }
        }
        return trimmedLine(kept, 3, 0, 10);
    }

    /** Total least squares: the line through the centroid along the points' main direction. */
    private static double[] leastSquares(List<double[]> points) {
        double mx = 0;
        double my = 0;
        for (double[] p : points) {
            mx += p[0] / points.size();
            my += p[1] / points.size();
        }
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (double[] p : points) {
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
            sxy += (p[0] - mx) * (p[1] - my);
        }
        double angle = 0.5 * Math.atan2(2 * sxy, sxx - syy); // direction of the line
        double a = -Math.sin(angle);
        double b = Math.cos(angle);
        return new double[] {a, b, a * mx + b * my};
    }

    private static double[] meet(double[] l1, double[] l2) {
        double det = l1[0] * l2[1] - l1[1] * l2[0];
        if (Math.abs(det) < 1e-9) {
            return null;
        }
        return new double[] {(l1[2] * l2[1] - l1[1] * l2[2]) / det, (l1[0] * l2[2] - l1[2] * l2[0]) / det};
    }
}
