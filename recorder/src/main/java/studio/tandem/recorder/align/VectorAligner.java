package studio.tandem.recorder.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Resamples a {@link SampleSeries} to the dataset ticks {@code t_i = t0 + i·period}. A row is
 * <em>missing</em> when the sample the rule would use is further than {@code maxStalenessNanos} from
 * the tick: it is then counted and listed (filled with the nearest sample there is, or zeros, so the
 * dataset stays numeric), never silently repeated. Any thread; stateless.
 */
public final class VectorAligner {
    private VectorAligner() {
    }

    /**
     * @param series            the stream's samples, increasing in time
     * @param t0                time of row 0 (ns, process clock)
     * @param periodNanos       dataset period (ns)
     * @param rows              number of rows to produce
     * @param rule              sampling rule
     * @param maxStalenessNanos largest allowed distance between a used sample and its tick (ns)
     */
    public static AlignedColumn align(SampleSeries series, long t0, long periodNanos, int rows,
            SamplingRule rule, long maxStalenessNanos) {
        int w = series.width();
        double[] out = new double[rows * w];
        SkewStats skew = new SkewStats();
        int missing = 0;
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            long t = t0 + i * periodNanos;
            boolean ok = switch (rule) {
                case LATEST_BEFORE -> latestBefore(series, t, maxStalenessNanos, out, i * w, skew);
                case NEAREST -> nearest(series, t, maxStalenessNanos, out, i * w, skew);
                case LINEAR -> linear(series, t, maxStalenessNanos, out, i * w, skew);
            };
            if (!ok) {
                fillNearest(series, t, out, i * w);
                missing++;
                if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == i) {
                    ranges.get(ranges.size() - 1)[1] = i + 1;
                } else {
                    ranges.add(new int[] {i, i + 1});
                }
            }
        }
        return new AlignedColumn(out, w, missing, List.copyOf(ranges), skew.snapshot());
    }

    private static void fillNearest(SampleSeries s, long t, double[] out, int off) {
        int n = nearestIndex(s, t);
        if (n < 0) {
            Arrays.fill(out, off, off + s.width(), 0.0);
        } else {
            s.copy(n, out, off);
        }
    }

    private static boolean latestBefore(SampleSeries s, long t, long limit, double[] out, int off, SkewStats skew) {
        int a = s.latestAtOrBefore(t);
        if (a < 0 || t - s.time(a) > limit) {
            return false;
        }
        s.copy(a, out, off);
        skew.add(s.time(a) - t);
        return true;
    }

    private static int nearestIndex(SampleSeries s, long t) {
        int a = s.latestAtOrBefore(t);
        int b = a + 1 < s.size() ? a + 1 : -1;
        if (a < 0) {
            return b;
        }
        if (b < 0) {
            return a;
        }
        return t - s.time(a) <= s.time(b) - t ? a : b;
    }

    private static boolean nearest(SampleSeries s, long t, long limit, double[] out, int off, SkewStats skew) {
        int n = nearestIndex(s, t);
        if (n < 0 || Math.abs(s.time(n) - t) > limit) {
            return false;
        }
        s.copy(n, out, off);
        skew.add(s.time(n) - t);
        return true;
    }

    private static boolean linear(SampleSeries s, long t, long limit, double[] out, int off, SkewStats skew) {
        int a = s.latestAtOrBefore(t);
        int b = a + 1;
        if (a < 0 || b >= s.size() || s.time(a) == t) {
            return nearest(s, t, limit, out, off, skew);
        }
        long ta = s.time(a);
        long tb = s.time(b);
        if (t - ta > limit || tb - t > limit) {
            return nearest(s, t, limit, out, off, skew);
        }
        double f = (double) (t - ta) / (double) (tb - ta);
        for (int e = 0; e < s.width(); e++) {
            double va = s.value(a, e);
            out[off + e] = va + f * (s.value(b, e) - va);
        }
        skew.add(t - ta <= tb - t ? ta - t : tb - t);
        return true;
    }
}
