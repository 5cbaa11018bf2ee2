package io.openekyc.vision.document.mrz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds MRZ lines in a picture: dark blobs (locally adaptive threshold, connected components) are
 * chained into text lines, and 2 or 3 evenly spaced lines of the same size, start and end, with an
 * MRZ's character count (30, 36 or 44 at their pitch), make a candidate zone. MRZ characters are
 * printed at a fixed pitch with no spaces (fillers are glyphs too), so each line's character grid
 * is fitted from the blob centres: cell i is centred at x0 + i * pitch along the line.
 */
final class MrzLineFinder {

    /** Working width: larger pictures are shrunk to find the lines (cells are read at full size). */
    private static final int WORK_WIDTH = 1600;
    private static final double MIN_WORK_WIDTH = 800;

    /**
     * One MRZ line: cell i centred at (x0 + i * pitch + i^2 * curvature, y0 + slope * x) in picture
     * pixels; the curvature follows the shrinking pitch of a card photographed at an angle.
     */
    record Line(double x0, double pitch, double curvature, double y0, double slope) {

        double x(int i) {
            return x0 + i * pitch + (double) i * i * curvature;
        }

        /** Horizontal distance between cells around cell i. */
        double pitchAt(int i) {
            return pitch + 2 * i * curvature;
        }

        double y(double x) {
            return y0 + slope * x;
        }
    }

    /** A candidate zone: its lines, top to bottom, and their length in characters. */
    record Zone(List<Line> lines, int length) {
    }

    private record Blob(int left, int top, int right, int bottom) {

        int width() {
            return right - left + 1;
        }

        int height() {
            return bottom - top + 1;
        }

        double cx() {
            return (left + right) / 2.0 + 0.5;
        }

        double cy() {
            return (top + bottom) / 2.0 + 0.5;
        }
    }

    /** A chain of blobs: fitted midline, cap height and pitch. */
    private record TextLine(List<Blob> blobs, double y0, double slope, double capHeight, double pitch,
                            double left, double right) {

        double yAt(double x) {
            return y0 + slope * x;
        }

        double count() {
            return (right - left) / pitch;
        }
    }

    private MrzLineFinder() {
    }

    static List<Zone> find(GreyPlane picture) {
        // Line finding works at a scale where MRZ glyphs are blobs of some pixels: large pictures
        // shrunk, small ones enlarged (scale = picture pixels per working pixel).
        int shrink = Math.max(1, (int) Math.ceil(picture.width() / (double) WORK_WIDTH));
        int enlarge = Math.clamp((int) Math.ceil(MIN_WORK_WIDTH / picture.width()), 1, 4);
        GreyPlane work = shrink > 1 ? picture.shrink(shrink) : enlarge > 1 ? picture.enlarge(enlarge) : picture;
        double factor = shrink > 1 ? shrink : 1.0 / enlarge;
        List<TextLine> lines = textLines(blobs(work));
        lines.sort(Comparator.comparingDouble(l -> l.yAt(l.left())));
        List<Zone> zones = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (int n = 2; n <= 3; n++) {
                List<TextLine> window = following(lines, i, n);
                if (window != null) {
                    Zone zone = zone(window, factor);
                    if (zone != null) {
                        zones.add(zone);
                    }
                }
            }
        }
        // ICAO puts the MRZ at the bottom of the document: try lower zones first.
        zones.sort(Comparator.comparingDouble((Zone z) -> -z.lines().getFirst().y(z.lines().getFirst().x0())));
        return zones;
    }

    /** n lines starting with lines[i], each the next line below the previous one and alike in size. */
    private static List<TextLine> following(List<TextLine> lines, int i, int n) {
        List<TextLine> window = new ArrayList<>();
        window.add(lines.get(i));
        while (window.size() < n) {
            TextLine last = window.getLast();
            TextLine next = null;
            for (TextLine candidate : lines) {
                double mid = (last.left() + last.right()) / 2;
                double gap = candidate.yAt(mid) - last.yAt(mid);
                // Sizes compare by pitch: blob heights vary with the glyphs and with the tilt.
                if (gap > 1.2 * last.pitch() && gap < 4 * last.pitch()
                        && Math.abs(candidate.pitch() / last.pitch() - 1) < 0.15
                        && Math.abs(candidate.left() - last.left()) < 3 * last.pitch()
                        && (next == null || gap < next.yAt(mid) - last.yAt(mid))) {
                    next = candidate;
                }
            }
            if (next == null) {
                return null;
            }
            window.add(next);
        }
        return window;
    }

    private static Zone zone(List<TextLine> window, double factor) {
        if (window.size() == 3) {
            double gap1 = window.get(1).yAt(window.get(1).left()) - window.get(0).yAt(window.get(1).left());
            double gap2 = window.get(2).yAt(window.get(1).left()) - window.get(1).yAt(window.get(1).left());
            if (Math.abs(gap1 / gap2 - 1) > 0.25) {
                return null;
            }
        }
        double count = window.stream().mapToDouble(TextLine::count).average().orElseThrow();
        int length = window.size() == 3 ? 30 : Math.abs(count - 36) < Math.abs(count - 44) ? 36 : 44;
        List<Line> lines = new ArrayList<>();
        for (TextLine line : window) {
            // Each line: its own grid of `length` cells (lines may be printed slightly apart).
            if (Math.abs(line.count() / length - 1) > 0.12) {
                return null;
            }
            Line grid = grid(line, length);
            if (grid == null) {
                return null;
            }
            lines.add(new Line(grid.x0() * factor, grid.pitch() * factor, grid.curvature() * factor,
                    grid.y0() * factor, grid.slope()));
        }
        return new Zone(lines, length);
    }

    /**
     * Fits the character lattice to the centres of single-glyph blobs, growing out from the middle
     * blob so that a first, rough pitch cannot slip by a whole cell over the line; the last round
     * lets the pitch change steadily along the line (a card photographed at an angle). Cell 0 is the
     * leftmost cell holding a blob; where the line really starts (a speck beside it may extend it)
     * the reader settles by reading a few cells more.
     */
    private static Line grid(TextLine line, int length) {
        List<Blob> narrow = line.blobs().stream().filter(b -> b.width() <= 1.2 * line.pitch()).toList();
        if (narrow.size() < length / 3) {
            return null;
        }
        // x(j) = a + b j + c j^2, j counted from the middle blob.
        double a = narrow.get(narrow.size() / 2).cx();
        double b = line.pitch();
        double c = 0;
        int first = 0;
        for (double reach : new double[] {6, 12, 24, 60, 60}) {
            double[][] normal = new double[3][4];
            int n = 0;
            first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            for (Blob blob : narrow) {
                int j = (int) Math.round((blob.cx() - a) / b);
                j = (int) Math.round(j + (blob.cx() - (a + b * j + c * j * j)) / (b + 2 * c * j));
                double residual = blob.cx() - (a + b * j + c * j * j);
                if (Math.abs(j) > reach || Math.abs(residual) > 0.3 * b) {
                    continue;
                }
                first = Math.min(first, j);
                last = Math.max(last, j);
                n++;
                double[] terms = {1, j, (double) j * j};
                for (int r = 0; r < 3; r++) {
                    for (int k = 0; k < 3; k++) {
                        normal[r][k] += terms[r] * terms[k];
                    }
                    normal[r][3] += terms[r] * blob.cx();
                }
            }
            if (n < 6) {
                return null;
            }
            // A changing pitch only when blobs cover most of the line: extrapolated, it runs away.
            boolean quadratic = reach >= 60 && n >= length / 2 && last - first >= 0.75 * length;
            double[] fit = quadratic ? solve(normal) : solve(new double[][] {{normal[0][0], normal[0][1], normal[0][3]},
                    {normal[1][0], normal[1][1], normal[1][3]}});
            if (fit == null) {
                return null;
            }
            a = fit[0];
            b = fit[1];
            c = quadratic ? fit[2] : 0;
        }
        double x0 = a + b * first + c * first * first;
        return new Line(x0, b + 2 * c * first, c, line.y0(), line.slope());
    }

    /** Gaussian elimination of an n x (n + 1) augmented system; null when singular. */
    private static double[] solve(double[][] m) {
        int n = m.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][col]) < 1e-9) {
                return null;
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = m[r][col] / m[col][col];
                    for (int k = col; k <= n; k++) {
                        m[r][k] -= f * m[col][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        return x;
    }

    /** Dark blobs: darker than 85% of the local mean (a window a few characters wide). */
    private static List<Blob> blobs(GreyPlane plane) {
        int w = plane.width();
        int h = plane.height();
        double[] integral = new double[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            double row = 0;
            for (int x = 0; x < w; x++) {
                row += plane.at(x, y);
                integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row;
            }
        }
        int r = Math.max(8, w / 50);
        boolean[] dark = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - r);
            int y1 = Math.min(h, y + r + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - r);
                int x1 = Math.min(w, x + r + 1);
                double sum = integral[y1 * (w + 1) + x1] - integral[y0 * (w + 1) + x1] - integral[y1 * (w + 1) + x0]
                        + integral[y0 * (w + 1) + x0];
                double mean = sum / ((x1 - x0) * (y1 - y0));
                dark[y * w + x] = plane.at(x, y) < 0.85 * mean - 4;
            }
        }
        List<Blob> blobs = new ArrayList<>();
        int[] stack = new int[w * h];
        boolean[] seen = new boolean[w * h];
        for (int start = 0; start < dark.length; start++) {
            if (!dark[start] || seen[start]) {
                continue;
            }
            int size = 0;
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            int left = w;
            int right = -1;
            int up = h;
            int down = -1;
            while (top > 0) {
                int p = stack[--top];
                size++;
                int px = p % w;
                int py = p / w;
                left = Math.min(left, px);
                right = Math.max(right, px);
                up = Math.min(up, py);
                down = Math.max(down, py);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx;
                        int ny = py + dy;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h && dark[ny * w + nx] && !seen[ny * w + nx]) {
                            seen[ny * w + nx] = true;
                            stack[top++] = ny * w + nx;
                        }
                    }
                }
            }
            Blob blob = new Blob(left, up, right, down);
            if (blob.height() >= 6 && blob.height() <= h / 5 && size >= 12 && blob.width() <= 12 * blob.height()) {
                blobs.add(blob);
            }
        }
        return blobs;
    }

    /** Chains each blob to its nearest right neighbour on the same line, keeps long chains. */
    private static List<TextLine> textLines(List<Blob> blobs) {
        blobs.sort(Comparator.comparingInt(Blob::left));
        int n = blobs.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            Blob a = blobs.get(i);
            int best = -1;
            int bestGap = Integer.MAX_VALUE;
            for (int j = i + 1; j < n; j++) {
                Blob b = blobs.get(j);
                int maxHeight = Math.max(a.height(), b.height());
                if (b.left() > a.right() + 1.5 * maxHeight) {
                    break;
                }
                int gap = b.left() - a.right();
                // Lines may run up to about 20 degrees off the horizontal.
                if (gap < -0.3 * maxHeight || Math.abs(a.cy() - b.cy()) > 0.4 * maxHeight + 0.36 * (b.cx() - a.cx())
                        || Math.min(a.height(), b.height()) < 0.3 * maxHeight) {
                    continue;
                }
                if (gap < bestGap) {
                    bestGap = gap;
                    best = j;
                }
            }
            if (best >= 0) {
                parent[root(parent, i)] = root(parent, best);
            }
        }
        List<List<Blob>> groups = new ArrayList<>();
        int[] index = new int[n];
        Arrays.fill(index, -1);
        for (int i = 0; i < n; i++) {
            int root = root(parent, i);
            if (index[root] < 0) {
                index[root] = groups.size();
                groups.add(new ArrayList<>());
            }
            groups.get(index[root]).add(blobs.get(i));
        }
        List<TextLine> lines = new ArrayList<>();
        for (List<Blob> group : groups) {
            if (group.size() >= 10) {
                TextLine line = textLine(group);
                if (line != null) {
                    lines.add(extended(line, blobs));
                }
            }
        }
        return lines;
    }

    /**
     * The line with the blobs that continue it on either side: a chain breaks where a glyph is
     * faint or two glyphs merge, and the pieces beyond the break belong to the same MRZ line.
     */
    private static TextLine extended(TextLine line, List<Blob> blobs) {
        List<Blob> members = new ArrayList<>(line.blobs());
        double left = line.left();
        double right = line.right();
        boolean grown = true;
        while (grown) {
            grown = false;
            for (Blob blob : blobs) {
                boolean beside = (blob.left() >= right && blob.left() - right < 2.5 * line.pitch())
                        || (blob.right() + 1 <= left && left - blob.right() - 1 < 2.5 * line.pitch());
                if (beside && Math.abs(blob.cy() - line.yAt(blob.cx())) < 0.35 * line.capHeight()
                        && blob.height() >= 0.5 * line.capHeight() && blob.height() <= 1.4 * line.capHeight()) {
                    members.add(blob);
                    left = Math.min(left, blob.left());
                    right = Math.max(right, blob.right() + 1);
                    grown = true;
                }
            }
        }
        if (members.size() == line.blobs().size()) {
            return line;
        }
        members.sort(Comparator.comparingInt(Blob::left));
        TextLine longer = textLine(members);
        return longer == null ? line : longer;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Midline and cap height from the tall blobs (letters and digits; fillers are shorter). */
    private static TextLine textLine(List<Blob> group) {
        int[] heights = group.stream().mapToInt(Blob::height).sorted().toArray();
        int tallest = heights[(int) (heights.length * 0.9)];
        List<Blob> tall = group.stream().filter(b -> b.height() >= 0.75 * tallest && b.height() <= 1.3 * tallest).toList();
        if (tall.size() < 3) {
            return null;
        }
        double capHeight = tall.stream().mapToInt(Blob::height).sorted().toArray()[tall.size() / 2];
        double n = tall.size();
        double sx = tall.stream().mapToDouble(Blob::cx).sum();
        double sy = tall.stream().mapToDouble(Blob::cy).sum();
        double sxx = tall.stream().mapToDouble(b -> b.cx() * b.cx()).sum();
        double sxy = tall.stream().mapToDouble(b -> b.cx() * b.cy()).sum();
        double det = n * sxx - sx * sx;
        double slope = det > 0 ? (n * sxy - sx * sy) / det : 0;
        double y0 = (sy - slope * sx) / n;
        double[] steps = new double[group.size() - 1];
        for (int i = 1; i < group.size(); i++) {
            steps[i - 1] = group.get(i).cx() - group.get(i - 1).cx();
        }
        Arrays.sort(steps);
        double pitch = steps[steps.length / 2];
        double left = group.getFirst().left();
        double right = group.stream().mapToInt(Blob::right).max().orElseThrow() + 1;
        if (pitch <= 0 || (right - left) < 15 * capHeight) {
            return null;
        }
        return new TextLine(group, y0, slope, capHeight, pitch, left, right);
    }
}
