package studio.tandem.dataset.rlds;

import java.awt.image.BufferedImage;
import java.io.IOException;

/** Sequential frames of one camera in one episode. Used from the exporter's thread only. */
public interface FrameCursor extends AutoCloseable {

    /**
     * The next frame, or {@code null} when the episode's frames are exhausted. The image may be
     * reused by the next call.
     */
    BufferedImage next() throws IOException;

    @Override
    default void close() throws IOException {
    }
}
