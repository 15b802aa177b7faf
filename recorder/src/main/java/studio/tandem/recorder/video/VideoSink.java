package studio.tandem.recorder.video;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A live encoder writing one camera's staged episode video. Called from that camera's encoder thread
 * only. Frames are packed RGB24, {@code width*height*3} bytes read from index 0 of the buffer; the
 * buffer is the caller's and is reused after the call returns.
 */
public interface VideoSink extends AutoCloseable {

    /**
     * Encodes one frame at presentation time {@code frameIndex / fps}.
     *
     * @param rgb        packed RGB24 pixels, read from index 0
     * @param frameIndex row index in the episode (0, 1, 2, ... without gaps)
     */
    void encode(ByteBuffer rgb, long frameIndex) throws IOException;

    /** Pushes what the muxer holds to the file so a crash loses as little as possible. */
    void flush() throws IOException;

    /** Drains the encoder and closes the staged file. */
    @Override
    void close() throws IOException;
}
