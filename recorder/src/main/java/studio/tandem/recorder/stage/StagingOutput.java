package studio.tandem.recorder.stage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where a staging log's bytes go: an append-only file in production, a failing one in disk-full
 * tests. One thread at a time.
 */
public interface StagingOutput extends AutoCloseable {

    /** Appends every remaining byte of {@code src}. */
    void write(ByteBuffer src) throws IOException;

    /** Makes what was written durable (fsync of data). */
    void sync() throws IOException;

    @Override
    void close() throws IOException;

    /** Opens {@code file} for appending, creating it. */
    static StagingOutput appendTo(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        return new StagingOutput() {
            @Override
            public void write(ByteBuffer src) throws IOException {
                while (src.hasRemaining()) {
                    ch.write(src);
                }
            }

            @Override
            public void sync() throws IOException {
                ch.force(false);
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }

    /** Opens staging outputs; tests inject one that fails like a full disk. */
    @FunctionalInterface
    interface Factory {
        StagingOutput open(Path file) throws IOException;

        Factory FILES = StagingOutput::appendTo;
    }
}
