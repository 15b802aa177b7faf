package studio.tandem.dataset.lerobot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The seam between the dataset tables and the video layer ({@code studio.tandem.dataset.video}):
 * what the writer and validator need from MP4 files. Implementations are stateless; any thread.
 */
public interface VideoFiles {

    /** Stream-copies {@code inputs}, in order, into a new file {@code output} (no re-encoding). */
    void concatenate(List<Path> inputs, Path output) throws IOException;

    /** Facts of a file's first video stream. */
    Probe probe(Path file) throws IOException;

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
