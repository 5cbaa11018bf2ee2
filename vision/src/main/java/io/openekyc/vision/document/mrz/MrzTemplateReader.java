package io.openekyc.vision.document.mrz;

import io.openekyc.vision.image.RgbImage;

/**
 * Reads an MRZ without general OCR: {@link MrzLineFinder} places every character cell, each cell
 * is matched against the OCR-B templates, and {@link MrzGlyphDecoder} picks the characters the
 * layout and the check digits agree with.
 */
final class MrzTemplateReader {

    /** Zones read at most (lowest first): beyond these, lines of prose rarely turn into an MRZ. */
    private static final int MAX_ZONES = 4;
    /**
     * Below this average best match the zone is not OCR-B text (or too damaged to read): the check
     * digit search could otherwise make a few checks pass on lines of prose or pattern.
     */
    private static final double MIN_MEAN_SCORE = 0.7;
    /** Cells read beyond each end of a line, to find its true start. */
    private static final int EXTRA_CELLS = 3;

    private final OcrBTemplates templates;

    MrzTemplateReader(OcrBTemplates templates) {
        this.templates = templates;
    }

    /**
     * The best-checking MRZ among the candidate zones, or null when none has a passing check digit.
     * The picture is read as it is and, when that gives no valid MRZ, turned by quarter turns
     * (pages are photographed sideways and upside down).
     */
    MrzResult read(RgbImage image) {
        GreyPlane plane = GreyPlane.of(image);
        MrzResult best = null;
        for (int turn = 0; turn < 4; turn++) {
            MrzResult result = read(plane);
            if (result != null && (best == null || rank(result) > rank(best))) {
                best = result;
            }
            if (best != null && best.valid()) {
                break;
            }
            plane = plane.quarterTurn();
        }
        return best;
    }

    private MrzResult read(GreyPlane plane) {
        MrzResult best = null;
        int tried = 0;
        for (MrzLineFinder.Zone zone : MrzLineFinder.find(plane)) {
            if (tried++ == MAX_ZONES) {
                break;
            }
            float[][][] scores = scores(plane, zone);
            if (meanBest(scores) < MIN_MEAN_SCORE) {
                continue;
            }
            MrzResult result = MrzGlyphDecoder.decode(scores);
            if (result != null && passing(result) > 0 && (best == null || rank(result) > rank(best))) {
                best = result;
                if (result.valid()) {
                    break;
                }
            }
        }
        return best;
    }

    /**
     * scores[line][cell][character]: the correlation of each cell with each template. A few cells
     * beyond both ends of each line are read too, and the run of {@code length} cells that matches
     * best is the line: a blank cell matches nothing well, so this finds where the line starts.
     */
    float[][][] scores(GreyPlane plane, MrzLineFinder.Zone zone) {
        int length = zone.length();
        double aspect = aspect(plane, zone);
        float[][][] scores = new float[zone.lines().size()][][];
        for (int l = 0; l < zone.lines().size(); l++) {
            MrzLineFinder.Line line = zone.lines().get(l);
            float[][] cells = new float[length + 2 * EXTRA_CELLS][];
            float[] top = new float[cells.length];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cell(plane, line, i - EXTRA_CELLS, aspect);
                for (float score : cells[i]) {
                    top[i] = Math.max(top[i], score);
                }
            }
            int start = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int s = 0; s + length <= cells.length; s++) {
                double sum = 0;
                for (int i = s; i < s + length; i++) {
                    sum += top[i];
                }
                if (sum > best) {
                    best = sum;
                    start = s;
                }
            }
            scores[l] = java.util.Arrays.copyOfRange(cells, start, start + length);
        }
        return scores;
    }

    /** Template scores of cell i of the line, its height {@code aspect} times what the pitch implies. */
    private float[] cell(GreyPlane plane, MrzLineFinder.Line line, int i, double aspect) {
        double stretch = Math.sqrt(1 + line.slope() * line.slope());
        double x = line.x(i);
        double pitch = line.pitchAt(i) * stretch;
        return templates.scores(plane.cell(x, line.y(x), 1 / stretch, line.slope() / stretch, pitch,
                pitch * templates.capToPitch() * aspect, OcrBTemplates.SHIFT));
    }

    /**
     * Height over width of the glyphs relative to the font's: a card photographed at an angle
     * squeezes one way, and O and 0 (or D) differ mostly in width. Chosen by the best average match
     * over every sixth cell, coarse steps first.
     */
    private double aspect(GreyPlane plane, MrzLineFinder.Zone zone) {
        double best = 1;
        double bestScore = aspectScore(plane, zone, 1);
        for (double step : new double[] {0.15, 0.06}) {
            double centre = best;
            for (double aspect : new double[] {centre - step, centre + step}) {
                double score = aspectScore(plane, zone, aspect);
                if (score > bestScore) {
                    bestScore = score;
                    best = aspect;
                }
            }
        }
        return best;
    }

    private double aspectScore(GreyPlane plane, MrzLineFinder.Zone zone, double aspect) {
        double sum = 0;
        for (MrzLineFinder.Line line : zone.lines()) {
            for (int i = 1; i < zone.length(); i += 6) {
                float top = Float.NEGATIVE_INFINITY;
                for (float score : cell(plane, line, i, aspect)) {
                    top = Math.max(top, score);
                }
                sum += top;
            }
        }
        return sum;
    }

    /** The average over cells of the best template match. */
    static double meanBest(float[][][] scores) {
        double sum = 0;
        int n = 0;
        for (float[][] line : scores) {
            for (float[] cell : line) {
                float best = Float.NEGATIVE_INFINITY;
                for (float score : cell) {
                    best = Math.max(best, score);
                }
                sum += best;
                n++;
            }
        }
        return sum / n;
    }

    static long passing(MrzResult result) {
        return result.checks().stream().filter(c -> Boolean.TRUE.equals(c.valid())).count();
    }

    private static long rank(MrzResult result) {
        return (result.valid() ? 100 : 0) + passing(result);
    }
}
