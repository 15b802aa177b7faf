package studio.tandem.dataset.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Reads a Parquet file column by column into primitive arrays. Opening reads only the footer.
 * Every failure is an {@link IOException} whose message names the file. Not thread-safe.
 */
public final class ParquetTableReader {
    private final Path file;
    private final ParquetMetadata footer;

    private ParquetTableReader(Path file, ParquetMetadata footer) {
        this.file = file;
        this.footer = footer;
    }

    /** Opens {@code file}; a missing, truncated or non-Parquet file fails with one clear message. */
    public static ParquetTableReader open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file + ": file is missing");
        }
        try (ParquetFileReader r = LocalFiles.open(file)) {
            return new ParquetTableReader(file, r.getFooter());
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": not a readable Parquet file (" + oneLine(e) + ")", e);
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    public Path file() {
        return file;
    }

    public MessageType schema() {
        return footer.getFileMetaData().getSchema();
    }

    public Map<String, String> keyValueMetadata() {
        return footer.getFileMetaData().getKeyValueMetaData();
    }

    public long rowCount() {
        long n = 0;
        for (BlockMetaData b : footer.getBlocks()) {
            n += b.getRowCount();
        }
        return n;
    }

    /** Rows per row group, in file order. */
    public long[] rowGroupRows() {
        return footer.getBlocks().stream().mapToLong(BlockMetaData::getRowCount).toArray();
    }

    /** Top-level column names in file order. */
    public List<String> columnNames() {
        List<String> out = new ArrayList<>();
        schema().getFields().forEach(f -> out.add(f.getName()));
        return out;
    }

    public boolean hasColumn(String name) {
        return schema().containsField(name);
    }

    /** Reads one top-level column (its single leaf) in full. */
    public ColumnData read(String column) throws IOException {
        return read(List.of(column)).get(column);
    }

    /** Reads several top-level columns in one pass over the file. */
    public Map<String, ColumnData> read(List<String> columns) throws IOException {
        boolean[] all = new boolean[footer.getBlocks().size()];
        Arrays.fill(all, true);
        return read(columns, all);
    }

    /**
     * Which row groups may hold rows whose {@code column} (an integer column) lies in
     * {@code [min, max]}, from the footer's statistics; a group without statistics is included.
     */
    public boolean[] rowGroupsOverlapping(String column, long min, long max) {
        List<BlockMetaData> blocks = footer.getBlocks();
        boolean[] out = new boolean[blocks.size()];
        for (int g = 0; g < out.length; g++) {
            out[g] = true;
            for (ColumnChunkMetaData c : blocks.get(g).getColumns()) {
                Statistics<?> st = c.getStatistics();
                if (c.getPath().toDotString().equals(column) && st != null && st.hasNonNullValue()
                        && st.genericGetMin() instanceof Number lo && st.genericGetMax() instanceof Number hi) {
                    out[g] = hi.longValue() >= min && lo.longValue() <= max;
                }
            }
        }
        return out;
    }

    /**
     * Reads several top-level columns of the row groups selected by {@code rowGroups} (in file
     * order), skipping the others without decoding them.
     */
    public Map<String, ColumnData> read(List<String> columns, boolean[] rowGroups) throws IOException {
        MessageType schema = schema();
        List<org.apache.parquet.schema.Type> fields = new ArrayList<>();
        List<ColumnDescriptor> leaves = new ArrayList<>();
        List<Accumulator> accs = new ArrayList<>();
        int rows = 0;
        for (int g = 0; g < rowGroups.length; g++) {
            rows += rowGroups[g] ? (int) footer.getBlocks().get(g).getRowCount() : 0;
        }
        for (String column : columns) {
            if (!hasColumn(column)) {
                throw new IOException(file + ": no column '" + column + "'");
            }
            fields.add(schema.getType(column));
            ColumnDescriptor desc = leafOf(schema, column);
            leaves.add(desc);
            accs.add(new Accumulator(valueType(desc.getPrimitiveType()), rows));
        }
        MessageType projection = new MessageType("schema", fields);
        try (ParquetFileReader r = LocalFiles.open(file)) {
            r.setRequestedSchema(projection);
            String createdBy = footer.getFileMetaData().getCreatedBy();
            for (int g = 0; g < rowGroups.length; g++) {
                if (!rowGroups[g]) {
                    r.skipNextRowGroup();
                    continue;
                }
                PageReadStore pages = r.readNextRowGroup();
                ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages,
                        new GroupRecordConverter(projection).getRootConverter(), projection, createdBy);
                for (int i = 0; i < leaves.size(); i++) {
                    readLeaf(store.getColumnReader(leaves.get(i)), leaves.get(i).getMaxDefinitionLevel(), accs.get(i));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": cannot read columns " + columns + " (" + oneLine(e) + ")", e);
        }
        Map<String, ColumnData> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            out.put(columns.get(i), accs.get(i).finish(columns.get(i)));
        }
        return out;
    }

    private static ColumnDescriptor leafOf(MessageType schema, String column) {
        for (ColumnDescriptor d : schema.getColumns()) {
            if (d.getPath()[0].equals(column)) {
                return d;
            }
        }
        throw new IllegalStateException("no leaf for " + column);
    }

    private static ValueType valueType(PrimitiveType p) {
        return switch (p.getPrimitiveTypeName()) {
            case FLOAT -> ValueType.FLOAT32;
            case DOUBLE -> ValueType.FLOAT64;
            case INT64, INT32 -> ValueType.INT64;
            case BOOLEAN -> ValueType.BOOL;
            default -> ValueType.STRING;
        };
    }

    private static void readLeaf(ColumnReader cr, int maxDef, Accumulator acc) {
        long total = cr.getTotalValueCount();
        for (long i = 0; i < total; i++) {
            int rep = cr.getCurrentRepetitionLevel();
            int def = cr.getCurrentDefinitionLevel();
            if (rep == 0) {
                acc.startRow(def == 0);
            }
            if (def == maxDef) {
                acc.add(cr);
            }
            cr.consume();
        }
    }

    /** Growable primitive storage for one column. */
    private static final class Accumulator {
        private final ValueType type;
        private final int[] offsets;
        private final boolean[] nulls;
        private int row = -1;
        private int n;
        private double[] doubles;
        private long[] longs;
        private String[] strings;

        Accumulator(ValueType type, int rows) {
            this.type = type;
            this.offsets = new int[rows + 1];
            this.nulls = new boolean[rows];
            int cap = Math.max(16, rows);
            switch (type) {
                case INT64 -> longs = new long[cap];
                case STRING -> strings = new String[cap];
                default -> doubles = new double[cap];
            }
        }

        void startRow(boolean isNull) {
            row++;
            offsets[row] = n;
            offsets[row + 1] = n;
            nulls[row] = isNull;
        }

        void add(ColumnReader cr) {
            ensure(n + 1);
            switch (type) {
                case INT64 -> longs[n] = cr.getDescriptor().getPrimitiveType().getPrimitiveTypeName()
                        == PrimitiveType.PrimitiveTypeName.INT32 ? cr.getInteger() : cr.getLong();
                case STRING -> strings[n] = cr.getBinary().toStringUsingUTF8();
                case FLOAT32 -> doubles[n] = cr.getFloat();
                case FLOAT64 -> doubles[n] = cr.getDouble();
                case BOOL -> doubles[n] = cr.getBoolean() ? 1 : 0;
            }
            n++;
            offsets[row + 1] = n;
        }

        private void ensure(int size) {
            if (longs != null && size > longs.length) {
                longs = Arrays.copyOf(longs, longs.length * 2);
            } else if (strings != null && size > strings.length) {
                strings = Arrays.copyOf(strings, strings.length * 2);
            } else if (doubles != null && size > doubles.length) {
                doubles = Arrays.copyOf(doubles, doubles.length * 2);
            }
        }

        ColumnData finish(String name) {
            return new ColumnData(name, type, offsets.length - 1, offsets, doubles, longs, strings, nulls);
        }
    }
}
