package studio.tandem.teleop.serial;

import java.io.IOException;

/**
 * A bidirectional byte link to a device (a serial port, or an in-memory peer in tests). Owned by one I/O
 * thread; {@link #close()} may be called from any thread and makes a blocked read return with an
 * {@link IOException}.
 */
public interface ByteStream extends AutoCloseable {

    /**
     * Reads up to {@code len} bytes, waiting at most {@code timeoutNanos} for the first one.
     *
     * @return bytes read, 0 on timeout
     * @throws IOException when the link is closed or lost (e.g. the adapter was unplugged)
     */
    int read(byte[] buf, int off, int len, long timeoutNanos) throws IOException;

    /** Writes all {@code len} bytes. @throws IOException when the link is closed or lost */
    void write(byte[] buf, int off, int len) throws IOException;

    /** Discards bytes already received and not yet read (stale replies). */
    void discardInput() throws IOException;

    /** Human-readable name for messages, e.g. {@code /dev/ttyUSB0}. */
    String name();

    /** Idempotent; never throws. */
    @Override
    void close();

    /**
     * Reads exactly {@code len} bytes or gives up at {@code deadlineNanos} (on {@code System.nanoTime()}).
     *
     * @return bytes read (less than {@code len} on timeout)
     */
    default int readFully(byte[] buf, int off, int len, long deadlineNanos) throws IOException {
        int got = 0;
        while (got < len) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                break;
            }
            got += read(buf, off + got, len - got, left);
        }
        return got;
    }
}
