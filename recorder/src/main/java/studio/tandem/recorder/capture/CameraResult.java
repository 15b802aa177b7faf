package studio.tandem.recorder.capture;

import java.nio.file.Path;
import studio.tandem.dataset.lerobot.FeatureStats;
import studio.tandem.recorder.align.SkewStats;

/**
 * What one camera's encoder produced for one episode.
 *
 * @param key      camera feature name
 * @param rows     frames encoded (one per row, pts {@code i / fps})
 * @param frames   camera frames received during the episode
 * @param dropped  frames lost because every slot was taken (the encoder fell behind)
 * @param missing  rows whose nearest frame was further than the staleness limit (or no frame at all)
 * @param repeated rows that reused the previous row's frame
 * @param skew     capture time minus row time
 * @param staged   the staged video file
 * @param imageStats LeRobot image statistics of the rows (null if no row was encoded)
 */
public record CameraResult(String key, int rows, long frames, long dropped, long missing, long repeated,
        SkewStats.Skew skew, Path staged, FeatureStats imageStats) {
}
