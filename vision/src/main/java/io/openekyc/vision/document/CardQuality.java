package io.openekyc.vision.document;

import io.openekyc.vision.face.Box;
import io.openekyc.vision.face.FaceDetector;
import io.openekyc.vision.liveness.ImageForensics;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.quality.QualityCheck;
import io.openekyc.vision.quality.SelfieQuality;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Photo-quality checks of a located, straightened card, each with the measurement behind it.
 * Limits were set on generated card photos with known degradations (docs/EVALUATION.md, "Card
 * quality flags"); checks that cannot be judged for a photo say "unavailable".
 */
public final class CardQuality {

    /** Sharpness (see {@link #sharpness}) below which text is too soft to read reliably. */
    static final double BLUR_LIMIT = 0.7;
    /** Share of washed-out cells (see {@link #glareShare}) above which a reflection hides part of the card. */
    static final double GLARE_LIMIT = 0.03;
    /** How much brighter than the card's median cell a washed-out cell is. */
    static final double GLARE_CONTRAST = 12;
    static final double DARK_LIMIT = 110;
    /** Hasler-Suesstrunk colourfulness below which the card is a black-and-white copy. */
    static final double COLOUR_LIMIT = 5;
    /** A corner closer than this share of the photo's width to its edge counts as cut off by the frame. */
    static final double EDGE_MARGIN = 0.005;

    /** The band near a corner (x + y in card units of 1/1000 width) that a rounded ID-1 corner never reaches. */
    static final int CUT_BAND_FROM = 45;
    static final int CUT_BAND_TO = 100;
    /** Background-coloured share of that band above which the corner is cut. */
    static final double CUT_LIMIT = 0.5;
    /**
     * Shared-pattern strength (see {@link #screen}) above which the card is a photo of a screen: set
     * on generated card photos (all degradations) against simulated LCD recaptures of them
     * (docs/EVALUATION.md, "Screen recaptures").
     */
    static final double SCREEN_LIMIT = 16;
    /** Colour distance between card and background below which nothing can be told. */
    static final double MIN_CONTRAST = 25;

    private final FaceDetector faces;

    /** @param faces detector for the portrait on fronts; null reports face_missing as unavailable */
    public CardQuality(FaceDetector faces) {
        this.faces = faces;
    }

    public List<QualityCheck> check(RgbImage photo, CardLocator.Located located, RgbImage card, CardSide side) {
        List<QualityCheck> checks = new ArrayList<>();
        RgbImage small = card.resize(500, 315);
        double sharpness = sharpness(small);
        checks.add(flag("blur", sharpness < BLUR_LIMIT, sharpness, BLUR_LIMIT,
                "Laplacian variance over grey-level variance of the card at 500 px"));
        // A CCCD back's MRZ band is printed white: only the part above it can show a reflection.
        RgbImage printed = side == CardSide.BACK ? small.crop(0, 0, 500, 210, 500, 210) : small;
        double glare = glareShare(printed);
        checks.add(flag("glare", glare > GLARE_LIMIT, glare, GLARE_LIMIT,
                "share of the card's cells washed out by a reflection"));
        double luma = SelfieQuality.meanLuma(small);
        checks.add(flag("too_dark", luma < DARK_LIMIT, luma, DARK_LIMIT, "mean luma of the card"));
        if (side == CardSide.FRONT) {
            // Backs are printed in near-greys, so only a front can tell a colour photo from a copy.
            double colour = colourfulness(small);
            checks.add(flag("black_and_white", colour < COLOUR_LIMIT, colour, COLOUR_LIMIT, "colourfulness of the card"));
        }
        checks.add(screen(photo, located));
        checks.add(partial(photo, located));
        if (located != null) {
            checks.add(flag("multiple_cards", located.otherCards() > 0, located.otherCards(), 0,
                    "other well-supported card outlines beside this one"));
        }
        checks.add(cornerCut(photo, located));
        if (side == CardSide.FRONT) {
            checks.add(portrait(card));
        }
        return checks;
    }

    private QualityCheck portrait(RgbImage card) {
        if (faces == null) {
            return new QualityCheck("face_missing", "unavailable", null, null, "no face detector loaded");
        }
        // The portrait fills the left third of a CCCD front.
        RgbImage left = card.crop(0, 0, card.width() * 0.4f, card.height(), 400, 630);
        float best = faces.detect(left, 0.3f).stream().map(d -> d.score()).max(Float::compare).orElse(0f);
        return flag("face_missing", best < 0.6f, best, 0.6, "face detector score on the portrait area");
    }

    /**
     * A photo of a screen: a camera sampling an LCD's sub-pixel grid leaves one periodic pattern
     * (moiré) over the whole card. Printed guilloche and text are periodic too, but each window of
     * the card shows a different pattern. So nine 64-px windows spread across the card are
     * transformed, each frequency is scored by its magnitude over its frequency ring's median, and
     * the value is the strongest frequency's median score over the nine windows.
     */
    static QualityCheck screen(RgbImage photo, CardLocator.Located located) {
        if (located == null) {
            return new QualityCheck("captured_from_screen", "unavailable", null, null, "no card outline");
        }
        double[][] c = located.corners();
        List<double[]> spectra = new ArrayList<>();
        for (int row = 1; row <= 3; row++) {
            for (int column = 1; column <= 3; column++) {
                double u = column / 4.0;
                double v = row / 4.0;
                double x = (1 - u) * (1 - v) * c[0][0] + u * (1 - v) * c[1][0] + u * v * c[2][0] + (1 - u) * v * c[3][0];
                double y = (1 - u) * (1 - v) * c[0][1] + u * (1 - v) * c[1][1] + u * v * c[2][1] + (1 - u) * v * c[3][1];
                double[] spectrum = ImageForensics.ringNormalisedSpectrum(photo,
                        new Box((float) x - 32, (float) y - 32, (float) x + 32, (float) y + 32));
                if (spectrum != null && (spectra.isEmpty() || spectra.getFirst().length == spectrum.length)) {
                    spectra.add(spectrum);
                }
            }
        }
        if (spectra.size() < 5) {
            return new QualityCheck("captured_from_screen", "unavailable", null, null, "card too small to measure");
        }
        double shared = sharedPeak(spectra);
        return flag("captured_from_screen", shared > SCREEN_LIMIT, shared, SCREEN_LIMIT,
                "strongest periodic pattern common to nine windows on the card; limit set on simulated LCD "
                        + "recaptures (doc recapture), not on real ones");
    }

    /**
     * Per frequency bin, the median over windows of the bin's strongest value in its 3 x 3
     * neighbourhood (a slanted screen's grid frequency drifts by a bin across the card); the largest.
     */
    private static double sharedPeak(List<double[]> spectra) {
        int size = (int) Math.round(Math.sqrt(spectra.getFirst().length));
        List<double[]> pooled = new ArrayList<>();
        for (double[] spectrum : spectra) {
            double[] max = new double[spectrum.length];
            for (int v = 0; v < size; v++) {
                for (int u = 0; u < size; u++) {
                    double best = 0;
                    for (int dv = -1; dv <= 1; dv++) {
                        for (int du = -1; du <= 1; du++) {
                            int uu = u + du;
                            if (uu >= 0 && uu < size) {
                                best = Math.max(best, spectrum[((v + dv + size) % size) * size + uu]);
                            }
                        }
                    }
                    max[v * size + u] = best;
                }
            }
            pooled.add(max);
        }
        double best = 0;
        double[] column = new double[pooled.size()];
        for (int bin = 0; bin < size * size; bin++) {
            for (int w = 0; w < column.length; w++) {
                column[w] = pooled.get(w)[bin];
            }
            best = Math.max(best, median(column));
        }
        return best;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static QualityCheck partial(RgbImage photo, CardLocator.Located located) {
        if (located == null) {
            return new QualityCheck("partial_card", "unavailable", null, null, "no card outline");
        }
        double margin = EDGE_MARGIN * photo.width();
        double closest = Double.MAX_VALUE;
        for (double[] corner : located.corners()) {
            closest = Math.min(closest, Math.min(Math.min(corner[0], corner[1]),
                    Math.min(photo.width() - corner[0], photo.height() - corner[1])));
        }
        return flag("partial_card", closest < margin, closest, margin,
                "pixels between the nearest card corner and the photo's edge");
    }

    /**
     * A clipped corner (how old cards are invalidated): near each corner, a band of the card that a
     * rounded ID-1 corner never reaches (card-width units 0.045 to 0.10 along the diagonal) shows the
     * background instead of the card. Each pixel there is judged by whether its colour is nearer the
     * background just outside the card or the card just inside that corner; the value is the largest
     * share of background-like pixels over the four corners.
     */
    static QualityCheck cornerCut(RgbImage photo, CardLocator.Located located) {
        if (located == null) {
            return new QualityCheck("corner_cut", "unavailable", null, null, "no card outline");
        }
        double[] toPhoto = Homography.between(new double[][] {{0, 0}, {1000, 0}, {1000, 630}, {0, 630}},
                located.corners());
        double worst = 0;
        int[][] directions = {{1, 1}, {-1, 1}, {-1, -1}, {1, -1}};
        double[][] cornerPoints = {{0, 0}, {1000, 0}, {1000, 630}, {0, 630}};
        boolean judged = false;
        for (int i = 0; i < 4; i++) {
            double cx = cornerPoints[i][0];
            double cy = cornerPoints[i][1];
            int sx = directions[i][0];
            int sy = directions[i][1];
            // References beside this corner: the background just outside its two sides, and the
            // card's own margin just inside them.
            List<double[]> outsideSamples = new ArrayList<>();
            List<double[]> cardSamples = new ArrayList<>();
            for (int t = 120; t <= 300; t += 15) {
                for (int d = 15; d <= 35; d += 10) {
                    outsideSamples.add(sample(photo, toPhoto, cx + sx * t, cy - sy * d));
                    outsideSamples.add(sample(photo, toPhoto, cx - sx * d, cy + sy * t));
                    cardSamples.add(sample(photo, toPhoto, cx + sx * t, cy + sy * d));
                    cardSamples.add(sample(photo, toPhoto, cx + sx * d, cy + sy * t));
                }
            }
            double[] outside = median(outsideSamples);
            double[] card = median(cardSamples);
            if (outside == null || card == null || distance(card, outside) < MIN_CONTRAST) {
                continue; // this corner cannot be judged (off the photo, or card and table alike)
            }
            judged = true;
            long background = 0;
            long seen = 0;
            for (int dy = 0; dy <= CUT_BAND_TO; dy += 4) {
                for (int dx = 0; dx <= CUT_BAND_TO; dx += 4) {
                    int diagonal = dx + dy;
                    double[] p = diagonal >= CUT_BAND_FROM && diagonal < CUT_BAND_TO
                            ? sample(photo, toPhoto, cx + sx * dx, cy + sy * dy) : null;
                    if (p != null) {
                        seen++;
                        background += distance(p, outside) < distance(p, card) ? 1 : 0;
                    }
                }
            }
            worst = Math.max(worst, seen == 0 ? 0 : (double) background / seen);
        }
        if (!judged) {
            return new QualityCheck("corner_cut", "unavailable", null, CUT_LIMIT,
                    "no corner where card and background can be told apart");
        }
        return flag("corner_cut", worst > CUT_LIMIT, worst, CUT_LIMIT,
                "largest share of background-coloured pixels where a corner should be card");
    }

    /** The photo's colour at a point in card coordinates (1000 x 630), null outside the photo. */
    private static double[] sample(RgbImage photo, double[] toPhoto, double x, double y) {
        double[] p = Homography.apply(toPhoto, x, y);
        if (p[0] < 0 || p[1] < 0 || p[0] > photo.width() - 1 || p[1] > photo.height() - 1) {
            return null;
        }
        return new double[] {photo.sample((float) p[0], (float) p[1], 0), photo.sample((float) p[0], (float) p[1], 1),
                photo.sample((float) p[0], (float) p[1], 2)};
    }

    /** Per-channel median of the samples inside the photo; null when fewer than 8. */
    private static double[] median(List<double[]> samples) {
        List<double[]> seen = samples.stream().filter(java.util.Objects::nonNull).toList();
        if (seen.size() < 8) {
            return null;
        }
        double[] median = new double[3];
        for (int c = 0; c < 3; c++) {
            int channel = c;
            double[] values = seen.stream().mapToDouble(v -> v[channel]).sorted().toArray();
            median[c] = values[values.length / 2];
        }
        return median;
    }

    private static double distance(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    private static QualityCheck flag(String name, boolean failed, double value, double limit, String detail) {
        return new QualityCheck(name, failed ? "fail" : "pass", value, limit, detail);
    }

    /**
     * Laplacian variance over grey-level variance: the share of the card's contrast that is in fine
     * detail. Dividing by the contrast keeps a dim but sharp photo from reading as blurred.
     */
    static double sharpness(RgbImage image) {
        double[] grey = image.luma();
        double sum = 0, sumSq = 0;
        for (double g : grey) {
            sum += g;
            sumSq += g * g;
        }
        double variance = sumSq / grey.length - (sum / grey.length) * (sum / grey.length);
        return SelfieQuality.laplacianVariance(image) / Math.max(1, variance);
    }

    /**
     * Share of the card's cells (a 10 x 6 grid) that a reflection has washed out: mostly saturated
     * and clearly brighter than the card's median cell. A card that is bright all over (white stock,
     * generous exposure) has no cell standing out, so it does not count as glare.
     */
    static double glareShare(RgbImage image) {
        int cols = 10;
        int rows = 6;
        double[] mean = new double[cols * rows];
        double[] saturated = new double[cols * rows];
        int[] count = new int[cols * rows];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int cell = (y * rows / image.height()) * cols + x * cols / image.width();
                int p = image.rgb(x, y);
                int r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
                mean[cell] += 0.299 * r + 0.587 * g + 0.114 * b;
                if (r >= 250 && g >= 250 && b >= 250) {
                    saturated[cell]++;
                }
                count[cell]++;
            }
        }
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= Math.max(1, count[i]);
            saturated[i] /= Math.max(1, count[i]);
        }
        double[] sorted = mean.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        int washed = 0;
        for (int i = 0; i < mean.length; i++) {
            if (saturated[i] > 0.5 && mean[i] > median + GLARE_CONTRAST) {
                washed++;
            }
        }
        return (double) washed / mean.length;
    }

    /** Hasler and Suesstrunk (2003): spread and mean of the red-green and yellow-blue opponents. */
    static double colourfulness(RgbImage image) {
        double sumRg = 0, sumYb = 0, sqRg = 0, sqYb = 0;
        int n = image.width() * image.height();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int p = image.rgb(x, y);
                int r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
                double rg = r - g;
                double yb = 0.5 * (r + g) - b;
                sumRg += rg;
                sumYb += yb;
                sqRg += rg * rg;
                sqYb += yb * yb;
            }
        }
        double meanRg = sumRg / n, meanYb = sumYb / n;
        double sdRg = Math.sqrt(Math.max(0, sqRg / n - meanRg * meanRg));
        double sdYb = Math.sqrt(Math.max(0, sqYb / n - meanYb * meanYb));
        return Math.hypot(sdRg, sdYb) + 0.3 * Math.hypot(meanRg, meanYb);
    }
}
