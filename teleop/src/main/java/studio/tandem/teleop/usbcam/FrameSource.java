package studio.tandem.teleop.usbcam;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Where a camera's frames come from (a V4L2 device through FFmpeg, or a scripted source in tests). Capture thread only. */
public interface FrameSource extends AutoCloseable {

    /**
     * Opens the source and negotiates size and rate.
     *
     * @return what was negotiated, for the user
     * @throws IOException naming the device when it is missing, busy or refuses the format
     */
    Negotiated open() throws IOException;

    /**
     * Blocks for the next frame and writes it as tightly packed RGB24 of the requested size into {@code rgb}
     * (position 0). Allocation-free.
     *
     * @return the source's timestamp of the frame (µs), or -1 when it has none
     * @throws IOException when the device is gone (unplugged) or the stream ended
     */
    long grab(ByteBuffer rgb) throws IOException;

    /** Idempotent; never throws. */
    @Override
    void close();

    /**
     * What the device delivers.
     *
     * @param codec pixel format or codec of the device stream, e.g. {@code mjpeg}
     * @param width native width (px)
     * @param height native height (px)
     * @param fps native rate
     */
    record Negotiated(String codec, int width, int height, double fps) {
        @Override
        public String toString() {
            return codec + " " + width + "x" + height + " @ " + fps + " fps";
        }
    }
}
