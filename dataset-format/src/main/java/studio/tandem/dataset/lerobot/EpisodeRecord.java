package studio.tandem.dataset.lerobot;

import java.util.List;
import java.util.Map;

/**
 * One row of the episodes table ({@code meta/episodes/...}): everything LeRobot stores about an
 * episode, plus our extras. Immutable.
 *
 * @param datasetFromIndex global index of the first frame (inclusive)
 * @param datasetToIndex global index after the last frame (exclusive)
 * @param videos per camera key, in feature order
 * @param stats per feature, in feature order
 */
public record EpisodeRecord(long episodeIndex, List<String> tasks, long length, long dataChunkIndex,
        long dataFileIndex, long datasetFromIndex, long datasetToIndex, Map<String, VideoSpan> videos,
        Map<String, FeatureStats> stats, long metaChunkIndex, long metaFileIndex, EpisodeExtras extras) {

    public EpisodeRecord {
        tasks = List.copyOf(tasks);
        videos = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(videos));
        stats = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stats));
        extras = extras == null ? EpisodeExtras.NONE : extras;
    }
}
