package studio.tandem.dataset.lerobot;

import java.util.Arrays;
import java.util.List;

/**
 * LeRobot statistics of one feature: per element min, max, mean, std and the quantiles q01, q10,
 * q50, q90, q99, plus the sample count. Values are row-major over {@code shape} ({@code [n]} for
 * vectors, {@code [3, 1, 1]} for images: per channel, in [0, 1]). {@code integral} marks int64
 * features, whose min and max LeRobot stores as integers. Immutable by convention (arrays are not
 * copied on access; do not modify).
 *
 * @param quantiles {@code quantiles[k]} holds {@link #QUANTILE_KEYS}{@code [k]} per element
 */
public record FeatureStats(int[] shape, boolean integral, double[] min, double[] max, double[] mean, double[] std,
        long count, double[][] quantiles) {

    /** Stat keys in the order LeRobot writes them. */
    public static final List<String> KEYS = List.of("min", "max", "mean", "std", "count", "q01", "q10", "q50",
            "q90", "q99");
    public static final List<String> QUANTILE_KEYS = List.of("q01", "q10", "q50", "q90", "q99");
    public static final double[] QUANTILES = {0.01, 0.10, 0.50, 0.90, 0.99};

    public FeatureStats {
        int n = elements(shape);
        for (double[] a : new double[][] {min, max, mean, std}) {
            if (a.length != n) {
                throw new IllegalArgumentException("stat of length " + a.length + " for shape " + Arrays.toString(shape));
            }
        }
        if (quantiles.length != QUANTILES.length) {
            throw new IllegalArgumentException("need " + QUANTILES.length + " quantiles, got " + quantiles.length);
        }
    }

    public static int elements(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** The values of one stat key other than {@code count}. */
    public double[] values(String key) {
        return switch (key) {
            case "min" -> min;
            case "max" -> max;
            case "mean" -> mean;
            case "std" -> std;
            default -> {
                int k = QUANTILE_KEYS.indexOf(key);
                if (k < 0) {
                    throw new IllegalArgumentException("unknown stat '" + key + "'");
                }
                yield quantiles[k];
            }
        };
    }
}
