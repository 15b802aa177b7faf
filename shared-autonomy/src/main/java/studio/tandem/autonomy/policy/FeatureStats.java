package studio.tandem.autonomy.policy;

/**
 * Mean and standard deviation of one feature, as in LeRobot's {@code stats.json}
 * ({@code {"mean": [...], "std": [...], ...}}); normalisation is (x − mean) / std with a floor of
 * 1e-6 on std, as LeRobot's MEAN_STD mode.
 */
public record FeatureStats(double[] mean, double[] std) {
    private static final double EPS = 1e-6;

    public FeatureStats {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("stats: mean has " + mean.length + " values, std " + std.length);
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** Identity statistics of length n. */
    public static FeatureStats identity(int n) {
        double[] m = new double[n];
        double[] s = new double[n];
        java.util.Arrays.fill(s, 1);
        return new FeatureStats(m, s);
    }

    /** Computes mean and std over rows of equal length. */
    public static FeatureStats of(double[][] rows) {
        int n = rows[0].length;
        double[] m = new double[n];
        double[] s = new double[n];
        for (double[] r : rows) {
            for (int i = 0; i < n; i++) {
                m[i] += r[i] / rows.length;
            }
        }
        for (double[] r : rows) {
            for (int i = 0; i < n; i++) {
                s[i] += (r[i] - m[i]) * (r[i] - m[i]) / rows.length;
            }
        }
        for (int i = 0; i < n; i++) {
            s[i] = Math.sqrt(s[i]);
        }
        return new FeatureStats(m, s);
    }

    public int length() {
        return mean.length;
    }

    public double normalize(int i, double x) {
        return (x - mean[i]) / Math.max(std[i], EPS);
    }

    public double denormalize(int i, double z) {
        return z * Math.max(std[i], EPS) + mean[i];
    }

    /** The std used for scaling (with the floor). */
    public double scale(int i) {
        return Math.max(std[i], EPS);
    }
}
