package studio.tandem.dataset.video;

import java.nio.file.Path;

/**
 * Where one appended episode lies in a concatenated video file: frames {@code [fromFrame,
 * fromFrame + frames)}, i.e. timestamps {@code [fromTimestamp, toTimestamp)} in seconds, exactly
 * {@code fromFrame / fps} and {@code (fromFrame + frames) / fps} (LeRobot v3.0's
 * {@code videos/<key>/from_timestamp} and {@code to_timestamp}).
 *
 * @param source        the per-episode file that was appended
 * @param fromFrame     index in the concatenated file of the episode's first frame
 * @param frames        number of frames of the episode
 * @param fromTimestamp first frame's timestamp, seconds
 * @param toTimestamp   end of the episode (one frame past its last), seconds
 */
public record EpisodeSpan(Path source, long fromFrame, long frames, double fromTimestamp, double toTimestamp) {
}
