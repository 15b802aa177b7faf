package studio.tandem.recorder.stage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Append-only, framed, checksummed binary log used to stage an episode while it is recorded. Layout:
 * an 8-byte magic, then records {@code [int length][int crc32c][byte type][payload]} (little endian;
 * length counts type + payload; the CRC covers type + payload). A reader stops at the first
 * truncated or corrupt record, so a log cut by a crash yields every record written before the cut.
 *
 * <p>Owned by one thread. Records are assembled in a preallocated direct buffer (no allocation per
 * record except for text), written out when it fills or on {@link #flush()}, and made durable by
 * {@link #sync()}; {@link #maybeSync(long)} does both at a fixed interval.
 */
public final class StagingLog implements AutoCloseable {
    /** File magic: "TNDLOG" + version 1. */
    public static final long MAGIC = 0x3130474F4C444E54L;
    static final int HEADER = 9;

    private final StagingOutput out;
    private final ByteBuffer buf;
    private final CRC32C crc = new CRC32C();
    private final long syncIntervalNanos;
    private long lastSyncNanos;
    private int recordStart = -1;
    private long bytesWritten;

    /**
     * @param out               destination
     * @param bufferBytes       size of the record buffer (largest record must fit)
     * @param syncIntervalNanos at most this long between durable syncs in {@link #maybeSync(long)}
     * @param nowNanos          current time, starts the sync interval
     */
    public StagingLog(StagingOutput out, int bufferBytes, long syncIntervalNanos, long nowNanos) throws IOException {
        this.out = out;
        this.buf = ByteBuffer.allocateDirect(bufferBytes).order(ByteOrder.LITTLE_ENDIAN);
        this.syncIntervalNanos = syncIntervalNanos;
        this.lastSyncNanos = nowNanos;
        buf.putLong(MAGIC);
        flush();
    }

    /**
     * Starts a record of {@code type} with room for {@code maxPayload} bytes and returns the buffer
     * to put the payload into (little endian). Must be followed by {@link #end()}.
     */
    public ByteBuffer begin(byte type, int maxPayload) throws IOException {
        if (recordStart >= 0) {
            throw new IllegalStateException("record already open");
        }
        if (HEADER + maxPayload > buf.capacity()) {
            throw new IllegalArgumentException("record of " + maxPayload + " bytes exceeds the log buffer");
        }
        if (buf.remaining() < HEADER + maxPayload) {
            flush();
        }
        recordStart = buf.position();
        buf.putInt(0).putInt(0).put(type);
        return buf;
    }

    /** Closes the record opened by {@link #begin}: fills in its length and checksum. */
    public void end() {
        int start = recordStart;
        int endPos = buf.position();
        int len = endPos - start - 8;
        crc.reset();
        buf.position(start + 8).limit(endPos);
        crc.update(buf);
        buf.limit(buf.capacity()).position(endPos);
        buf.putInt(start, len);
        buf.putInt(start + 4, (int) crc.getValue());
        recordStart = -1;
    }

    /** Writes a record holding a UTF-8 string (JSON metadata, events); allocates the bytes. */
    public void writeText(byte type, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        begin(type, b.length).put(b);
        end();
    }

    /** Hands buffered records to the output (the OS); not yet durable. */
    public void flush() throws IOException {
        if (recordStart >= 0) {
            throw new IllegalStateException("flush inside an open record");
        }
        buf.flip();
        bytesWritten += buf.remaining();
        out.write(buf);
        buf.clear();
    }

    /** Flushes and makes everything written durable. */
    public void sync(long nowNanos) throws IOException {
        flush();
        out.sync();
        lastSyncNanos = nowNanos;
    }

    /** Syncs if the interval has passed since the last sync; returns whether it did. */
    public boolean maybeSync(long nowNanos) throws IOException {
        if (nowNanos - lastSyncNanos < syncIntervalNanos) {
            return false;
        }
        sync(nowNanos);
        return true;
    }

    /** When the log was last made durable (ns, the clock passed in). */
    public long lastSyncNanos() {
        return lastSyncNanos;
    }

    /** Bytes handed to the output so far. */
    public long bytesWritten() {
        return bytesWritten;
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
            out.sync();
        } finally {
            out.close();
        }
    }
}
