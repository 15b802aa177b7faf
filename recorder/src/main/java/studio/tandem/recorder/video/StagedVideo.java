package studio.tandem.recorder.video;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The video tools the recorder needs: open a crash-tolerant staging encoder, count the decodable
 * frames of a (possibly cut) staged file, and turn a staged file into the normal MP4 a dataset holds.
 * Implementations are thread-safe; each returned sink belongs to one thread.
 */
public interface StagedVideo {

    /**
     * Opens a live encoder writing {@code file} in a form that stays readable up to the last flushed
     * frame if the process dies (fragmented MP4 or MPEG-TS).
     *
     * @param width  frame width (px)
     * @param height frame height (px)
     * @param fps    dataset rate (Hz); frame {@code i} gets pts {@code i / fps}
     */
    VideoSink open(Path file, int width, int height, double fps) throws IOException;

    /**
     * Loads the native codec libraries and opens/closes an encoder once, so the first episode does not
     * pay for it while frames queue up. Called by the recorder when it opens.
     */
    default void warmUp(Path scratchDir) throws IOException {
    }

    /** Number of frames that can be read back from a staged file (0 if none). */
    int countFrames(Path staged) throws IOException;

    /**
     * Writes {@code mp4}: the first {@code frames} frames of {@code staged}, stream-copied (no
     * re-encoding) into a normal MP4 with the same timestamps. Written to a temporary file and moved
     * into place.
     */
    void finish(Path staged, Path mp4, int frames) throws IOException;
}
