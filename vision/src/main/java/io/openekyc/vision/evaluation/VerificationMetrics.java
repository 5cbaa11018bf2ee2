package io.openekyc.vision.evaluation;

import java.util.Arrays;

/**
 * Accuracy of a 1:1 verifier from its scores on genuine (same person) and impostor pairs; a pair is
 * accepted when its score is strictly above the threshold.
 */
public record VerificationMetrics(
        int genuine,
        int impostor,
        double rocAuc,
        double tarAtFar1,
        double tarAtFar01,
        double eer,
        double eerThreshold) {

    public static VerificationMetrics of(double[] genuineScores, double[] impostorScores) {
        double[] g = genuineScores.clone();
        double[] i = impostorScores.clone();
        Arrays.sort(g);
        Arrays.sort(i);
        return new VerificationMetrics(g.length, i.length, auc(g, i), tarAtFar(g, i, 0.01), tarAtFar(g, i, 0.001),
                eer(g, i)[0], eer(g, i)[1]);
    }

    /** Fraction of genuine pairs accepted at a threshold. */
    public static double acceptRate(double[] scores, double threshold) {
        long accepted = Arrays.stream(scores).filter(s -> s > threshold).count();
        return scores.length == 0 ? Double.NaN : (double) accepted / scores.length;
    }

    /** Mann-Whitney estimate: probability a genuine pair outscores an impostor pair (ties count half). */
    static double auc(double[] sortedGenuine, double[] sortedImpostor) {
        if (sortedGenuine.length == 0 || sortedImpostor.length == 0) {
            return Double.NaN;
        }
        double wins = 0;
        for (double s : sortedGenuine) {
            int below = lowerBound(sortedImpostor, s);
            int belowOrEqual = upperBound(sortedImpostor, s);
            wins += below + 0.5 * (belowOrEqual - below);
        }
        return wins / ((double) sortedGenuine.length * sortedImpostor.length);
    }

    /**
     * True accept rate at the strictest threshold whose false accept rate is at most {@code far}:
     * the threshold sits at the (k+1)-th highest impostor score, k = floor(far * impostors).
     */
    static double tarAtFar(double[] sortedGenuine, double[] sortedImpostor, double far) {
        if (sortedImpostor.length == 0) {
            return Double.NaN;
        }
        int allowed = (int) Math.floor(far * sortedImpostor.length);
        double threshold = sortedImpostor[sortedImpostor.length - 1 - Math.min(allowed, sortedImpostor.length - 1)];
        return acceptRate(sortedGenuine, threshold);
    }

    /** {eer, threshold}: where false accept and false reject rates are closest, over every observed score. */
    static double[] eer(double[] sortedGenuine, double[] sortedImpostor) {
        double best = Double.POSITIVE_INFINITY;
        double[] result = {Double.NaN, Double.NaN};
        double[] candidates = new double[sortedGenuine.length + sortedImpostor.length];
        System.arraycopy(sortedGenuine, 0, candidates, 0, sortedGenuine.length);
        System.arraycopy(sortedImpostor, 0, candidates, sortedGenuine.length, sortedImpostor.length);
        for (double t : candidates) {
            double far = 1 - (double) upperBound(sortedImpostor, t) / sortedImpostor.length;
            double frr = (double) upperBound(sortedGenuine, t) / sortedGenuine.length;
            double gap = Math.abs(far - frr);
            if (gap < best) {
                best = gap;
                result = new double[] {(far + frr) / 2, t};
            }
        }
        return result;
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
