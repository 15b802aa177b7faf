package studio.tandem.autonomy.loop;

/**
 * Histogram of the loop's period error |actual period − nominal period| at 1 µs resolution up to
 * 100 ms (larger errors fall in the last bucket; the maximum is kept exactly). Written by the
 * control thread; read with {@link #percentileMillis} after the run or approximately during it.
 */
public final class PeriodStats {
    private static final int BUCKETS = 100_000;
    private final long[] counts = new long[BUCKETS + 1];
    private final long nominalNanos;
    private long count;
    private long maxNanos;
    private long overruns;

    public PeriodStats(long nominalNanos) {
        this.nominalNanos = nominalNanos;
    }

    /** Records one measured period. Allocation-free. */
    public void record(long periodNanos) {
        long err = Math.abs(periodNanos - nominalNanos);
        int bucket = (int) Math.min(err / 1_000, BUCKETS);
        counts[bucket]++;
        count++;
        if (err > maxNanos) {
            maxNanos = err;
        }
        if (periodNanos > 2 * nominalNanos) {
            overruns++;
        }
    }

    public long count() {
        return count;
    }

    /** Periods longer than twice the nominal one (a whole tick late). */
    public long lateTicks() {
        return overruns;
    }

    public double maxMillis() {
        return maxNanos / 1e6;
    }

    /** The p-quantile (0..1) of the period error in milliseconds (upper edge of its 1 µs bucket); NaN if empty. */
    public double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(p * count);
        long seen = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            seen += counts[i];
            if (seen >= Math.max(rank, 1)) {
                return i == BUCKETS ? maxMillis() : Math.min((i + 1) / 1000.0, maxMillis());
            }
        }
        return maxMillis();
    }
}
