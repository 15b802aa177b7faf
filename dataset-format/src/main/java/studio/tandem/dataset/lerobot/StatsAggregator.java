package studio.tandem.dataset.lerobot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates per-episode statistics into dataset statistics as LeRobot's {@code aggregate_stats}
 * does: min of mins, max of maxes, count-weighted mean, pooled variance (parallel algorithm), summed
 * counts, and for quantiles a conservative envelope (min for q01..q50, max for q90, q99).
 * Stateless; any thread.
 */
public final class StatsAggregator {
    private StatsAggregator() {
    }

    /** Union of feature keys; each feature aggregated over the inputs that have it. */
    public static Map<String, FeatureStats> aggregate(List<Map<String, FeatureStats>> inputs) {
        Map<String, List<FeatureStats>> byKey = new LinkedHashMap<>();
        for (Map<String, FeatureStats> m : inputs) {
            m.forEach((k, v) -> byKey.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(v));
        }
        Map<String, FeatureStats> out = new LinkedHashMap<>();
        byKey.forEach((k, list) -> out.put(k, aggregateFeature(k, list)));
        return out;
    }

    static FeatureStats aggregateFeature(String key, List<FeatureStats> list) {
        FeatureStats first = list.get(0);
        int n = first.min().length;
        double[] min = first.min().clone();
        double[] max = first.max().clone();
        double[] mean = new double[n];
        double[] var = new double[n];
        long total = 0;
        for (FeatureStats s : list) {
            if (s.min().length != n) {
                throw new IllegalArgumentException("stats of '" + key + "' have different shapes");
            }
            total += s.count();
            for (int i = 0; i < n; i++) {
                min[i] = Math.min(min[i], s.min()[i]);
                max[i] = Math.max(max[i], s.max()[i]);
                mean[i] += s.mean()[i] * s.count();
            }
        }
        for (int i = 0; i < n; i++) {
            mean[i] /= total;
        }
        for (FeatureStats s : list) {
            for (int i = 0; i < n; i++) {
                double d = s.mean()[i] - mean[i];
                var[i] += (s.std()[i] * s.std()[i] + d * d) * s.count();
            }
        }
        double[] std = new double[n];
        for (int i = 0; i < n; i++) {
            std[i] = Math.sqrt(var[i] / total);
        }
        return new FeatureStats(first.shape(), first.integral(), min, max, mean, std, total, quantiles(list, n));
    }

    private static double[][] quantiles(List<FeatureStats> list, int n) {
        double[][] q = new double[FeatureStats.QUANTILES.length][];
        for (int k = 0; k < q.length; k++) {
            boolean lower = FeatureStats.QUANTILES[k] <= 0.5;
            q[k] = list.get(0).quantiles()[k].clone();
            for (FeatureStats s : list) {
                for (int i = 0; i < n; i++) {
                    q[k][i] = lower ? Math.min(q[k][i], s.quantiles()[k][i]) : Math.max(q[k][i], s.quantiles()[k][i]);
                }
            }
        }
        return q;
    }
}
