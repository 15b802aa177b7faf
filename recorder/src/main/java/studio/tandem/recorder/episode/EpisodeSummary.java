package studio.tandem.recorder.episode;

import java.util.List;
import java.util.Map;

/**
 * What the operator is told after an episode was saved.
 *
 * @param episodeIndex index in the dataset
 * @param rows         rows (frames) saved
 * @param fps          dataset rate
 * @param streams      per-stream quality (frames, drops, missing rows, skew) by feature name
 * @param notes        what was cut or repaired, and why recording stopped if not by the operator
 * @param saveLatencyS seconds from stop to the episode being readable in the dataset
 */
public record EpisodeSummary(int episodeIndex, int rows, double fps, Map<String, StreamStats> streams,
        List<String> notes, double saveLatencyS) {

    public double seconds() {
        return rows / fps;
    }

    /** Dropped frames and samples over every stream. */
    public long totalDropped() {
        return streams.values().stream().mapToLong(StreamStats::dropped).sum();
    }
}
