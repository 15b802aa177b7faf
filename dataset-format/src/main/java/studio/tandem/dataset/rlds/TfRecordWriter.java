package studio.tandem.dataset.rlds;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes uncompressed TFRecord framing: for each record a little-endian uint64 length, the masked
 * CRC32C of those 8 bytes, the data, and the masked CRC32C of the data. Single-threaded; the caller
 * owns the file.
 */
public final class TfRecordWriter implements AutoCloseable {
    private final OutputStream out;
    private final MaskedCrc32c crc = new MaskedCrc32c();
    private final byte[] header = new byte[12];
    private final byte[] footer = new byte[4];
    private long bytesWritten;
    private long records;

    public TfRecordWriter(Path file) throws IOException {
        this(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    public TfRecordWriter(OutputStream out) {
        this.out = out;
    }

    /** Size on disk of a record of {@code dataLength} bytes, framing included. */
    public static long framedSize(long dataLength) {
        return dataLength + 16;
    }

    /** Appends one record holding {@code data[offset, offset + length)}. */
    public void write(byte[] data, int offset, int length) throws IOException {
        putLongLe(header, 0, length);
        putIntLe(header, 8, crc.of(header, 0, 8));
        putIntLe(footer, 0, crc.of(data, offset, length));
        out.write(header);
        out.write(data, offset, length);
        out.write(footer);
        bytesWritten += framedSize(length);
        records++;
    }

    public void write(byte[] data) throws IOException {
        write(data, 0, data.length);
    }

    /** Bytes written so far, framing included. */
    public long bytesWritten() {
        return bytesWritten;
    }

    public long records() {
        return records;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    static void putLongLe(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    static void putIntLe(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
