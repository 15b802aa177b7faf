package studio.tandem.teleop.spacemouse;

import java.io.IOException;

/** Raw HID access for the SpaceMouse fallback path; implemented by hid4java, faked in tests. */
public interface HidTransport extends AutoCloseable {

    /**
     * Opens the first attached 3Dconnexion device of a known model.
     *
     * @return the model opened, or null if none is attached
     */
    SpaceMouseModel open() throws IOException;

    /**
     * Reads one input report into {@code buf}, waiting at most {@code timeoutMillis}.
     *
     * @return bytes read, 0 on timeout
     * @throws IOException when the device was unplugged or failed
     */
    int read(byte[] buf, int timeoutMillis) throws IOException;

    @Override
    void close();
}
