package studio.tandem.dataset.lerobot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The seam between the dataset tables and the video layer ({@code studio.tandem.dataset.video}):
 * what the writer and validator need from MP4 files. Implementations are stateless; any thread,
 * one call per target file at a time.
 */
public interface VideoFiles {

    /**
     * Adds one episode's MP4 to the end of {@code target} by stream copy (no re-encoding), creating
     * {@code target} from it when absent. The episode file may be consumed (moved). On failure
     * {@code target} keeps its previous content.
     *
     * @return where the episode landed in {@code target}, seconds, exact to the frame
     */
    Appended append(Path target, Path episode) throws IOException;

    /** Facts of a file's first video stream. */
    Probe probe(Path file) throws IOException;

    /**
     * An episode's place in a multi-episode video file: frame i at {@code fromTimestamp + i / fps}.
     *
     * @param fromTimestamp first frame's timestamp, seconds
     * @param toTimestamp one frame past the last, seconds
     */
    record Appended(double fromTimestamp, double toTimestamp) {
    }

    /**
     * A probed video stream.
     *
     * @param frameCount number of frames
     * @param ptsSeconds presentation time of every frame, ascending
     * @param lerobotInfo the {@code info} block of the feature in info.json
     */
    record Probe(int width, int height, int frameCount, double[] ptsSeconds, Map<String, Object> lerobotInfo) {
    }
}
