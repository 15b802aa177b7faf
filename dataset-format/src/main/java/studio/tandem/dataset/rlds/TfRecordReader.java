package studio.tandem.dataset.rlds;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads TFRecord files and checks both masked CRC32Cs of every record. Any damage (bad CRC,
 * truncation, absurd length) is an {@link IOException} naming the file, the record number and the
 * byte offset ({@link CorruptRecordException}). Single-threaded.
 */
public final class TfRecordReader implements AutoCloseable {
    /** Records larger than this are treated as corruption (a damaged length field). */
    static final long MAX_RECORD_BYTES = Integer.MAX_VALUE - 64;

    private final InputStream in;
    private final String name;
    private final MaskedCrc32c crc = new MaskedCrc32c();
    private final byte[] header = new byte[12];
    private final byte[] footer = new byte[4];
    private long offset;
    private long records;

    public TfRecordReader(Path file) throws IOException {
        this(new BufferedInputStream(Files.newInputStream(file), 1 << 16), file.toString());
    }

    public TfRecordReader(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    /** The next record's data, or {@code null} at a clean end of file. */
    public byte[] next() throws IOException {
        int got = in.readNBytes(header, 0, 12);
        if (got == 0) {
            return null;
        }
        if (got < 12) {
            throw damaged("truncated record header");
        }
        long length = getLongLe(header, 0);
        if (getIntLe(header, 8) != crc.of(header, 0, 8)) {
            throw damaged("length CRC mismatch");
        }
        if (length < 0 || length > MAX_RECORD_BYTES) {
            throw damaged("record length " + length + " out of range");
        }
        byte[] data = new byte[(int) length];
        if (in.readNBytes(data, 0, data.length) < data.length || in.readNBytes(footer, 0, 4) < 4) {
            throw damaged("truncated record data");
        }
        if (getIntLe(footer, 0) != crc.of(data, 0, data.length)) {
            throw damaged("data CRC mismatch");
        }
        offset += TfRecordWriter.framedSize(length);
        records++;
        return data;
    }

    /** Records read so far. */
    public long records() {
        return records;
    }

    private IOException damaged(String what) {
        return new CorruptRecordException(name + ": record " + records + " at byte " + offset + ": " + what);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    static long getLongLe(byte[] b, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }

    static int getIntLe(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
