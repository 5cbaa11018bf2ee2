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

    /** One MRZ line: cell i centred at (x0 + i * pitch, y0 + slope * x) in picture pixels. */
    record Line(double x0, double pitch, double y0, double slope, double capHeight) {

        double x(int i) {
            return x0 + i * pitch;
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
        int factor = Math.max(1, (int) Math.ceil(picture.width() / (double) WORK_WIDTH));
        GreyPlane work = factor > 1 ? picture.shrink(factor) : picture;
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
                if (gap > 1.2 * last.capHeight() && gap < 3.5 * last.capHeight()
                        && Math.abs(candidate.capHeight() / last.capHeight() - 1) < 0.3
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

    private static Zone zone(List<TextLine> window, int factor) {
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
            lines.add(new Line(grid.x0() * factor, grid.pitch() * factor, grid.y0() * factor, grid.slope(),
                    grid.capHeight() * factor));
        }
        return new Zone(lines, length);
    }

    /**
     * Fits the character lattice (pitch and phase) to the centres of single-glyph blobs, growing
     * out from the middle blob so that a first, rough pitch cannot slip by a whole cell over the
     * line; cell 0 is the leftmost cell holding a blob. Where the line really starts (a speck
     * beside it may extend it) the reader settles by reading a few cells more.
     */
    private static Line grid(TextLine line, int length) {
        List<Blob> narrow = line.blobs().stream().filter(b -> b.width() <= 1.2 * line.pitch()).toList();
        if (narrow.size() < length / 3) {
            return null;
        }
        double anchor = narrow.get(narrow.size() / 2).cx();
        double pitch = line.pitch();
        double origin = anchor;
        int first = 0;
        for (double reach : new double[] {6, 12, 24, 60}) {
            double n = 0;
            double si = 0;
            double sx = 0;
            double sii = 0;
            double six = 0;
            first = Integer.MAX_VALUE;
            for (Blob blob : narrow) {
                double k = (blob.cx() - origin) / pitch;
                int i = (int) Math.round(k);
                if (Math.abs(i) > reach || Math.abs(k - i) > 0.3) {
                    continue;
                }
                first = Math.min(first, i);
                n++;
                si += i;
                sx += blob.cx();
                sii += (double) i * i;
                six += i * blob.cx();
            }
            double det = n * sii - si * si;
            if (n < 4 || det <= 0) {
                return null;
            }
            pitch = (n * six - si * sx) / det;
            origin = (sx - pitch * si) / n;
        }
        return new Line(origin + first * pitch, pitch, line.y0(), line.slope(), line.capHeight());
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
                if (gap < -0.3 * maxHeight || Math.abs(a.cy() - b.cy()) > 0.4 * maxHeight
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
                    lines.add(line);
                }
            }
        }
        return lines;
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
