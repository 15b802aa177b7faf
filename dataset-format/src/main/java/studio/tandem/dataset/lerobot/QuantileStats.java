package studio.tandem.dataset.lerobot;

/**
 * Computes the statistics of one batch of vectors the way LeRobot's {@code RunningQuantileStats}
 * does for a single update: mean and mean of squares, min and max, and quantiles from a 5000-bin
 * histogram spanning [min - 1e-10, max + 1e-10], interpolated within the bin. Batches of fewer than
 * two vectors use plain statistics with every quantile equal to the mean, as LeRobot does.
 * Single-threaded; reusable (buffers grow, then stay).
 */
public final class QuantileStats {
    static final int BINS = 5000;
    private long[] histogram = new long[BINS];
    private double[] edges = new double[BINS + 1];

    /**
     * Statistics over {@code rows} vectors of {@code width} values, value {@code (r, j)} at
     * {@code data.get(r * width + j)}.
     *
     * @param count the sample count stored in the result (rows, or sampled images)
     */
    public FeatureStats compute(Values data, int rows, int width, int[] shape, boolean integral, long count) {
        Columns out = new Columns(width);
        for (int j = 0; j < width; j++) {
            column(data, rows, width, j, out);
        }
        return out.stats(shape, integral, count);
    }

    private void column(Values data, int rows, int width, int j, Columns out) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double sumSq = 0;
        for (int r = 0; r < rows; r++) {
            double v = data.get(r * width + j);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            sum += v;
            sumSq += v * v;
        }
        if (!out.moments(j, lo, hi, sum, sumSq, rows)) {
            return;
        }
        double first = lo - 1e-10;
        double last = hi + 1e-10;
        clearHistogram(first, last);
        for (int r = 0; r < rows; r++) {
            histogram[bin(data.get(r * width + j), first, last)]++;
        }
        quantiles(j, rows, out.q);
    }

    /** Empties the histogram and sets its {@code BINS} equal bins over [first, last]. */
    private void clearHistogram(double first, double last) {
        java.util.Arrays.fill(histogram, 0);
        double step = (last - first) / BINS;
        for (int i = 0; i <= BINS; i++) {
            edges[i] = first + i * step;
        }
        edges[BINS] = last;
    }

    /** Every quantile of column {@code j} from the histogram of its {@code n} values. */
    private void quantiles(int j, double n, double[][] q) {
        for (int k = 0; k < q.length; k++) {
            q[k][j] = quantile(FeatureStats.QUANTILES[k] * n);
        }
    }

    private double quantile(double target) {
        long cum = 0;
        for (int idx = 0; idx < BINS; idx++) {
            long before = cum;
            cum += histogram[idx];
            if (cum >= target) {
                if (idx == 0) {
                    return edges[0];
                }
                long inBin = cum - before;
                if (inBin == 0) {
                    return edges[idx];
                }
                double fraction = (target - before) / inBin;
                return edges[idx] + fraction * (edges[idx + 1] - edges[idx]);
            }
        }
        return edges[BINS];
    }

    /**
     * The same statistics over integer values {@code 0..counts[j].length-1} given as counts per column
     * ({@code counts[j][v]} = how often column {@code j} holds {@code v}): identical to
     * {@link #compute} over the values themselves, in time independent of how many there are.
     *
     * @param count the sample count stored in the result
     */
    public FeatureStats fromCounts(long[][] counts, int[] shape, long count) {
        int width = counts.length;
        Columns out = new Columns(width);
        for (int j = 0; j < width; j++) {
            countedColumn(counts[j], j, out);
        }
        return out.stats(shape, false, count);
    }

    private void countedColumn(long[] c, int j, Columns out) {
        long n = 0;
        double sum = 0;
        double sumSq = 0;
        int lo = -1;
        int hi = -1;
        for (int v = 0; v < c.length; v++) {
            if (c[v] > 0) {
                lo = lo < 0 ? v : lo;
                hi = v;
                n += c[v];
                sum += (double) v * c[v];
                sumSq += (double) v * v * c[v];
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("column " + j + ": no values counted");
        }
        if (!out.moments(j, lo, hi, sum, sumSq, n)) {
            return;
        }
        double first = lo - 1e-10;
        double last = hi + 1e-10;
        clearHistogram(first, last);
        for (int v = lo; v <= hi; v++) {
            if (c[v] > 0) {
                histogram[bin(v, first, last)] += c[v];
            }
        }
        quantiles(j, n, out.q);
    }

    private int bin(double v, double first, double last) {
        int b = (int) ((v - first) / (last - first) * BINS);
        b = Math.max(0, Math.min(BINS - 1, b));
        while (b > 0 && v < edges[b]) {
            b--;
        }
        while (b < BINS - 1 && v >= edges[b + 1]) {
            b++;
        }
        return b;
    }

    /** Indexed read access to a primitive array without boxing. */
    @FunctionalInterface
    public interface Values {
        double get(int i);
    }

    /** Per-column results of one computation. */
    private static final class Columns {
        final double[] min;
        final double[] max;
        final double[] mean;
        final double[] std;
        final double[][] q;

        Columns(int width) {
            min = new double[width];
            max = new double[width];
            mean = new double[width];
            std = new double[width];
            q = new double[FeatureStats.QUANTILES.length][width];
        }

        /**
         * Stores min, max, mean and (population) std of column {@code j} from its sums over {@code n} values.
         * With fewer than two values every quantile is the mean and this returns false (no histogram needed).
         */
        boolean moments(int j, double lo, double hi, double sum, double sumSq, double n) {
            min[j] = lo;
            max[j] = hi;
            mean[j] = sum / n;
            std[j] = Math.sqrt(Math.max(0, sumSq / n - mean[j] * mean[j]));
            if (n >= 2) {
                return true;
            }
            for (double[] qk : q) {
                qk[j] = mean[j];
            }
            return false;
        }

        FeatureStats stats(int[] shape, boolean integral, long count) {
            return new FeatureStats(shape, integral, min, max, mean, std, count, q);
        }
    }
}
