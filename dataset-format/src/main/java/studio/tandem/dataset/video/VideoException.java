package studio.tandem.dataset.video;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A video file could not be written or read. The message is one line that names the file and what is
 * wrong with it (missing, not a video, unsupported codec, FFmpeg's own error text), fit for the CLI.
 */
public class VideoException extends IOException {

    private static final long serialVersionUID = 1L;

    /** A failure about {@code file}; the message becomes {@code "<file>: <what>"}. */
    public VideoException(Path file, String what) {
        super(file + ": " + what);
    }

    /** A failure about {@code file} caused by another exception. */
    public VideoException(Path file, String what, Throwable cause) {
        super(file + ": " + what, cause);
    }
}
