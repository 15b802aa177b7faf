package studio.tandem.dataset.parquet;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Local Parquet input without Hadoop's configuration machinery: plain read options and a
 * {@link FileChannel}-backed stream with bulk reads (parquet's own local stream reads byte by byte
 * when copying row groups). Stateless factory; each stream belongs to one thread.
 */
final class LocalFiles {
    private LocalFiles() {
    }

    static ParquetFileReader open(Path file) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
        return ParquetFileReader.open(input(file), options);
    }

    static InputFile input(Path file) {
        return new LocalInputFile(file) {
            @Override
            public SeekableInputStream newStream() throws IOException {
                return new ChannelStream(FileChannel.open(file, StandardOpenOption.READ));
            }
        };
    }

    /** A seekable stream over a file channel. */
    static final class ChannelStream extends SeekableInputStream {
        private final FileChannel ch;
        private final ByteBuffer one = ByteBuffer.allocate(1);

        ChannelStream(FileChannel ch) {
            this.ch = ch;
        }

        @Override
        public long getPos() throws IOException {
            return ch.position();
        }

        @Override
        public void seek(long newPos) throws IOException {
            ch.position(newPos);
        }

        @Override
        public int read() throws IOException {
            one.clear();
            return ch.read(one) <= 0 ? -1 : one.get(0) & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return ch.read(ByteBuffer.wrap(b, off, len));
        }

        @Override
        public void readFully(byte[] bytes) throws IOException {
            readFully(ByteBuffer.wrap(bytes));
        }

        @Override
        public void readFully(byte[] bytes, int start, int len) throws IOException {
            readFully(ByteBuffer.wrap(bytes, start, len));
        }

        @Override
        public int read(ByteBuffer buf) throws IOException {
            return ch.read(buf);
        }

        @Override
        public void readFully(ByteBuffer buf) throws IOException {
            while (buf.hasRemaining()) {
                if (ch.read(buf) < 0) {
                    throw new EOFException("unexpected end of file");
                }
            }
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
