package studio.tandem.recorder.stage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Reads a {@link StagingLog} file, record by record, stopping at the first truncated or corrupt
 * record (what a crash leaves at the end). Reads the whole file into memory; used by recovery only.
 */
public final class StagingLogReader {
    private final ByteBuffer data;
    private final Path file;
    private boolean damaged;

    public StagingLogReader(Path file) throws IOException {
        this.file = file;
        this.data = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (data.remaining() == 0) {
            return; // created, then cut before its first write: an empty log
        }
        if (data.remaining() < 8 || data.getLong() != StagingLog.MAGIC) {
            throw new IOException(file + ": not a Tandem staging log (bad magic)");
        }
    }

    /** Receives each intact record; the payload buffer is positioned at the payload start. */
    @FunctionalInterface
    public interface RecordHandler {
        void onRecord(byte type, ByteBuffer payload) throws IOException;
    }

    /**
     * Calls {@code handler} for every intact record in order.
     *
     * @return the number of intact records
     */
    public int readAll(RecordHandler handler) throws IOException {
        CRC32C crc = new CRC32C();
        int n = 0;
        while (data.remaining() >= StagingLog.HEADER) {
            int start = data.position();
            int len = data.getInt();
            int sum = data.getInt();
            if (len < 1 || len > data.remaining()) {
                damaged = true;
                data.position(start);
                break;
            }
            ByteBuffer rec = data.slice(data.position(), len).order(ByteOrder.LITTLE_ENDIAN);
            crc.reset();
            crc.update(rec.duplicate());
            if ((int) crc.getValue() != sum) {
                damaged = true;
                data.position(start);
                break;
            }
            data.position(data.position() + len);
            byte type = rec.get();
            handler.onRecord(type, rec);
            n++;
        }
        if (data.hasRemaining()) {
            damaged = true;
        }
        return n;
    }

    /** Whether bytes after the last intact record were ignored (a torn tail). */
    public boolean damagedTail() {
        return damaged;
    }

    /** Bytes ignored after the last intact record. */
    public int ignoredBytes() {
        return data.remaining();
    }

    public Path file() {
        return file;
    }
}
