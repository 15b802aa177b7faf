package studio.tandem.autonomy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class FailureCalibrationTest {
    @Test
    void theThresholdIsTheInterpolatedQuantileOfTheScores() {
        double[] v = new double[101];
        for (int i = 0; i <= 100; i++) {
            v[i] = (100 - i) * 0.01; // 1.00 .. 0.00, unsorted
        }
        assertThat(FailureCalibration.quantile(v, 101, 0.99)).isCloseTo(0.99, offset(1e-12));
        double[] w = {5, 1, 3, 2};
        // sorted 1 2 3 5: position 0.5 * 3 = 1.5 → between 2 and 3
        assertThat(FailureCalibration.quantile(w, 4, 0.5)).isCloseTo(2.5, offset(1e-12));
        // only the first n values count
        double[] x = {4, 2, 100};
        assertThat(FailureCalibration.quantile(x, 2, 0.99)).isCloseTo(3.98, offset(1e-12));
    }
}
