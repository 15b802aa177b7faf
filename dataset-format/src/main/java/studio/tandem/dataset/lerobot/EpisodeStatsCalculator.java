package studio.tandem.dataset.lerobot;

import java.util.LinkedHashMap;
import java.util.Map;
import studio.tandem.dataset.feature.DType;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.VectorFeature;

/**
 * Per-episode stats of every numeric table feature, LeRobot's index features included, the way
 * LeRobot's {@code compute_episode_stats} computes them. Writer thread; reusable.
 */
final class EpisodeStatsCalculator {
    private final QuantileStats quantiles = new QuantileStats();

    Map<String, FeatureStats> compute(DatasetInfo info, EpisodeBuffer buf, long episodeIndex, long fromIndex,
            long[] globalTask) {
        int n = buf.length();
        Map<String, FeatureStats> out = new LinkedHashMap<>();
        for (Feature f : info.features().tabular()) {
            if (f.dtype() == DType.STRING) {
                continue;
            }
            boolean integral = f.dtype() == DType.INT64;
            int[] one = {1};
            FeatureStats s = switch (f.name()) {
                case "timestamp" -> quantiles.compute(i -> (float) ((double) i / info.fps()), n, 1, one, false, n);
                case "frame_index" -> quantiles.compute(i -> i, n, 1, one, true, n);
                case "episode_index" -> quantiles.compute(i -> episodeIndex, n, 1, one, true, n);
                case "index" -> quantiles.compute(i -> fromIndex + i, n, 1, one, true, n);
                case "task_index" -> quantiles.compute(i -> globalTask[buf.taskIdAt(i)], n, 1, one, true, n);
                default -> feature((VectorFeature) f, buf.array(f.name()), n, integral);
            };
            out.put(f.name(), s);
        }
        return out;
    }

    private FeatureStats feature(VectorFeature f, Object a, int n, boolean integral) {
        int w = f.length();
        int[] shape = {w};
        if (a instanceof float[] x) {
            return quantiles.compute(i -> x[i], n, w, shape, integral, n);
        }
        if (a instanceof double[] x) {
            return quantiles.compute(i -> x[i], n, w, shape, integral, n);
        }
        if (a instanceof long[] x) {
            return quantiles.compute(i -> x[i], n, w, shape, integral, n);
        }
        boolean[] x = (boolean[]) a;
        return quantiles.compute(i -> x[i] ? 1 : 0, n, w, shape, integral, n);
    }
}
