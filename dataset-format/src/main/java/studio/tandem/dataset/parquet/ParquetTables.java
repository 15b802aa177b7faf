package studio.tandem.dataset.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Writes snappy-compressed Parquet tables (one row group per call) and appends row groups to an
 * existing file by copying them byte for byte. Files are always produced beside the target and
 * moved into place atomically, so a reader never sees a half-written table. Calling thread: the
 * dataset's writer thread; no shared state.
 */
public final class ParquetTables {
    private static final long ROW_GROUP_BYTES = 1L << 30;

    private ParquetTables() {
    }

    /**
     * Writes {@code rows} rows as one row group to {@code out} (replaced atomically).
     *
     * @param footer key/value footer metadata (e.g. {@code ARROW:schema})
     */
    public static void write(Path out, TableSchema schema, Map<String, String> footer, int rows, RowWriter writer)
            throws IOException {
        Path tmp = tempBeside(out);
        try {
            writeRaw(tmp, schema, footer, rows, writer);
            moveAtomically(tmp, out);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Produces {@code out} = the first {@code keepRowGroups} row groups of {@code existing} (copied
     * without decoding) followed by {@code rows} new rows in a new row group. {@code existing} and
     * {@code out} may be the same path: the result replaces it atomically.
     */
    public static void append(Path existing, int keepRowGroups, Path out, TableSchema schema,
            Map<String, String> footer, int rows, RowWriter writer) throws IOException {
        Path part = tempBeside(out.resolveSibling(out.getFileName() + ".part"));
        Path tmp = tempBeside(out);
        try {
            writeRaw(part, schema, footer, rows, writer);
            ParquetFileWriter w = new ParquetFileWriter(new LocalOutputFile(tmp), schema.parquetSchema(),
                    ParquetFileWriter.Mode.OVERWRITE, ROW_GROUP_BYTES, 0);
            w.start();
            copyRowGroups(existing, keepRowGroups, w);
            copyRowGroups(part, Integer.MAX_VALUE, w);
            w.end(footer);
            moveAtomically(tmp, out);
        } finally {
            Files.deleteIfExists(part);
            Files.deleteIfExists(tmp);
        }
    }

    private static void copyRowGroups(Path from, int max, ParquetFileWriter w) throws IOException {
        try (ParquetFileReader r = LocalFiles.open(from);
                SeekableInputStream in = LocalFiles.input(from).newStream()) {
            List<BlockMetaData> blocks = r.getFooter().getBlocks();
            List<BlockMetaData> keep = blocks.subList(0, Math.min(max, blocks.size()));
            if (max != Integer.MAX_VALUE && blocks.size() < max) {
                throw new IOException(from + ": has " + blocks.size() + " row groups, expected at least " + max);
            }
            w.appendRowGroups(in, keep, false);
        }
    }

    private static void writeRaw(Path file, TableSchema schema, Map<String, String> footer, int rows,
            RowWriter writer) throws IOException {
        RowCursor cursor = new RowCursor();
        Builder b = new Builder(new LocalOutputFile(file), schema, footer, writer);
        b.withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withDictionaryEncoding(true)
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                .withRowGroupSize(ROW_GROUP_BYTES);
        // sensor floats are nearly all distinct: a dictionary costs a hash per value (the largest
        // share of a save's CPU) and is then abandoned; integers and strings keep theirs
        for (ColumnDescriptor d : schema.parquetSchema().getColumns()) {
            PrimitiveType.PrimitiveTypeName t = d.getPrimitiveType().getPrimitiveTypeName();
            if (t == PrimitiveType.PrimitiveTypeName.FLOAT || t == PrimitiveType.PrimitiveTypeName.DOUBLE) {
                b.withDictionaryEncoding(String.join(".", d.getPath()), false);
            }
        }
        try (ParquetWriter<RowCursor> pw = b.build()) {
            for (int i = 0; i < rows; i++) {
                cursor.row = i;
                pw.write(cursor);
            }
        }
    }

    /** A temporary sibling path in the same directory (same file system, so the move is atomic). */
    public static Path tempBeside(Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        return tmp;
    }

    /** Replaces {@code target} with {@code tmp} in one step. */
    public static void moveAtomically(Path tmp, Path target) throws IOException {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The row being written; one instance per table write, reused for every row. */
    static final class RowCursor {
        int row;
    }

    private static final class Builder extends ParquetWriter.Builder<RowCursor, Builder> {
        private final TableSchema schema;
        private final Map<String, String> footer;
        private final RowWriter writer;

        Builder(LocalOutputFile file, TableSchema schema, Map<String, String> footer, RowWriter writer) {
            super(file);
            this.schema = schema;
            this.footer = footer;
            this.writer = writer;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected org.apache.parquet.hadoop.api.WriteSupport<RowCursor> getWriteSupport(
                org.apache.hadoop.conf.Configuration conf) {
            return new CursorWriteSupport(schema, footer, writer);
        }

        @Override
        protected org.apache.parquet.hadoop.api.WriteSupport<RowCursor> getWriteSupport(
                org.apache.parquet.conf.ParquetConfiguration conf) {
            return new CursorWriteSupport(schema, footer, writer);
        }
    }
}
