package io.openekyc.vision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VerificationMetricsTest {

    @Test
    void perfectSeparationHasAucOneAndNoErrors() {
        VerificationMetrics m = VerificationMetrics.of(new double[] {0.8, 0.9, 0.7}, new double[] {0.1, 0.2, 0.3, 0.4});
        assertThat(m.rocAuc()).isEqualTo(1.0);
        assertThat(m.eer()).isEqualTo(0.0);
        assertThat(m.eerThreshold()).isBetween(0.4, 0.7);
        assertThat(m.tarAtFar1()).isEqualTo(1.0);
    }

    @Test
    void aucCountsTiesAsHalf() {
        // genuine {0.5, 0.9} vs impostor {0.5, 0.1}: wins 1.5 + 2 of 4 pairs.
        VerificationMetrics m = VerificationMetrics.of(new double[] {0.5, 0.9}, new double[] {0.5, 0.1});
        assertThat(m.rocAuc()).isCloseTo(3.5 / 4, within(1e-12));
    }

    @Test
    void tarAtFarUsesTheStrictestThresholdAllowingThatManyFalseAccepts() {
        double[] impostor = new double[100];
        for (int i = 0; i < 100; i++) {
            impostor[i] = i / 100.0; // 0.00 .. 0.99
        }
        double[] genuine = {0.985, 0.995, 0.5};
        // FAR 1%: one impostor (0.99) may pass, so the threshold is 0.98: 0.985 and 0.995 pass.
        assertThat(VerificationMetrics.tarAtFar(sorted(genuine), impostor, 0.01)).isCloseTo(2 / 3.0, within(1e-12));
        // FAR 0.1% of 100 allows none: threshold 0.99, only 0.995 passes.
        assertThat(VerificationMetrics.tarAtFar(sorted(genuine), impostor, 0.001)).isCloseTo(1 / 3.0, within(1e-12));
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        java.util.Arrays.sort(copy);
        return copy;
    }
}
