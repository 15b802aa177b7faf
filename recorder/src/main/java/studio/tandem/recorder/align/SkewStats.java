package studio.tandem.recorder.align;

/**
 * Running statistics of one stream's capture skew: sample capture time minus the row time it was
 * used for (ns; positive = captured after the row's instant). Owned by one thread; read the result
 * with {@link #snapshot()}.
 */
public final class SkewStats {
    private long count;
    private double sum;
    private double sumAbs;
    private long maxAbs;

    public void add(long skewNanos) {
        count++;
        sum += skewNanos;
        long a = Math.abs(skewNanos);
        sumAbs += a;
        if (a > maxAbs) {
            maxAbs = a;
        }
    }

    public void reset() {
        count = 0;
        sum = 0;
        sumAbs = 0;
        maxAbs = 0;
    }

    public Skew snapshot() {
        return count == 0 ? new Skew(0, 0, 0, 0)
                : new Skew(count, sum / count / 1e6, sumAbs / count / 1e6, maxAbs / 1e6);
    }

    /**
     * Skew summary of one stream over one episode, in milliseconds.
     *
     * @param count    rows measured
     * @param meanMs   mean signed skew (ms)
     * @param meanAbsMs mean absolute skew (ms)
     * @param maxAbsMs largest absolute skew (ms)
     */
    public record Skew(long count, double meanMs, double meanAbsMs, double maxAbsMs) {
    }
}
