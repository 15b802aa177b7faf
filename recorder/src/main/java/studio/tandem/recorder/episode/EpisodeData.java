package studio.tandem.recorder.episode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import studio.tandem.dataset.lerobot.FeatureStats;
import studio.tandem.recorder.align.AlignedColumn;

/**
 * Everything a dataset writer needs to append one recorded episode.
 *
 * @param startNanos   instant of row 0 on the process clock (ns)
 * @param length       number of rows (frames); row {@code i} is at {@code i / fps} seconds
 * @param fps          dataset rate (Hz)
 * @param info         task, operator, notes
 * @param outcome      success/failure label
 * @param taskPerFrame task string of every row (a language correction changes it from its frame on)
 * @param vectors      aligned vector columns by feature name ({@code length} rows each)
 * @param videos       finished per-episode MP4 per camera feature (exactly {@code length} frames,
 *                     frame {@code i} at pts {@code i / fps})
 * @param intervention per row: whether an intervention was active
 * @param events       timestamped events of the episode
 * @param imageStats   LeRobot image statistics per camera, when the encoders computed them live
 *                     (absent after a crash: compute them from the video)
 * @param streams      per-stream quality (drops, missing rows, skew), keyed by feature name
 */
public record EpisodeData(long startNanos, int length, double fps, EpisodeInfo info, Outcome outcome, List<String> taskPerFrame,
        Map<String, AlignedColumn> vectors, Map<String, Path> videos, boolean[] intervention,
        List<EpisodeEvent> events, Map<String, FeatureStats> imageStats, Map<String, StreamStats> streams) {

    /** Frames dropped for camera {@code key} (0 if unknown). */
    public long droppedFrames(String key) {
        StreamStats s = streams.get(key);
        return s == null ? 0 : s.dropped();
    }
}
