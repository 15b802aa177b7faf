package studio.tandem.app.studio.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.lerobot.DatasetInfo;
import studio.tandem.dataset.lerobot.FeatureStats;
import studio.tandem.dataset.lerobot.LeRobotDataset;

/** The dataset statistics shown in Review: totals, curated totals and per-channel stats. */
public final class DatasetStatistics {

    /**
     * One channel's statistics (from {@code meta/stats.json}).
     *
     * @param feature the feature's name
     * @param channel the channel's name
     */
    public record ChannelStats(String feature, String channel, double min, double max, double mean, double std) {
    }

    private DatasetStatistics() {
    }

    /** Per-channel stats of every plottable feature. */
    static List<ChannelStats> channels(LeRobotDataset ds) {
        List<ChannelStats> out = new ArrayList<>();
        Map<String, FeatureStats> stats = ds.stats();
        for (Feature f : ds.info().features().tabular()) {
            FeatureStats s = stats.get(f.name());
            if (!(f instanceof VectorFeature v) || !EpisodeData.plottable(v) || s == null) {
                continue;
            }
            for (int c = 0; c < s.min().length && c < v.length(); c++) {
                String name = v.names() != null && v.names().size() == v.length() ? v.names().get(c)
                        : v.length() == 1 ? v.name() : v.name() + "[" + c + "]";
                out.add(new ChannelStats(v.name(), name, s.min()[c], s.max()[c], s.mean()[c], s.std()[c]));
            }
        }
        return out;
    }

    /** A multi-line summary: sizes, labels and interventions over the curated rows. */
    static String summary(LeRobotDataset ds, List<EpisodeRow> rows) {
        DatasetInfo info = ds.info();
        int kept = 0;
        int success = 0;
        int failure = 0;
        long frames = 0;
        int interventions = 0;
        int corrections = 0;
        long dropped = 0;
        for (EpisodeRow r : rows) {
            if (r.deleted()) {
                continue;
            }
            kept++;
            frames += r.keptLength();
            success += Boolean.TRUE.equals(r.success()) ? 1 : 0;
            failure += Boolean.FALSE.equals(r.success()) ? 1 : 0;
            interventions += r.interventions();
            corrections += r.corrections();
            dropped += r.dropped();
        }
        return String.format(Locale.ROOT,
                "%s · LeRobot %s · robot %s · %d fps%n"
                + "%d episodes (%d kept), %d frames (%d kept, %.1f min) · %d tasks · %d cameras%n"
                + "success %d · failure %d · unlabelled %d · %d interventions · %d corrections · %d dropped frames",
                ds.root().getFileName(), info.codebaseVersion(), info.robotType(), info.fps(),
                rows.size(), kept, info.totalFrames(), frames, frames / (double) Math.max(1, info.fps()) / 60.0,
                ds.tasks().size(), info.features().videos().size(),
                success, failure, kept - success - failure, interventions, corrections, dropped);
    }
}
