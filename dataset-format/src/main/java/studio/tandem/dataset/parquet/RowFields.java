package studio.tandem.dataset.parquet;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes field values of the current row into Parquet, in the 3-level LIST layout pyarrow uses.
 * A column that is not written in a row is null. Single-threaded: owned by the table writer.
 */
public final class RowFields {
    private static final String LIST = "list";
    private static final String ELEMENT = "element";
    private final TableSchema schema;
    private RecordConsumer rc;

    RowFields(TableSchema schema) {
        this.schema = schema;
    }

    void bind(RecordConsumer consumer) {
        this.rc = consumer;
    }

    private String start(int col) {
        String name = schema.column(col).name();
        rc.startField(name, col);
        return name;
    }

    public void float32(int col, float v) {
        String n = start(col);
        rc.addFloat(v);
        rc.endField(n, col);
    }

    public void float64(int col, double v) {
        String n = start(col);
        rc.addDouble(v);
        rc.endField(n, col);
    }

    public void int64(int col, long v) {
        String n = start(col);
        rc.addLong(v);
        rc.endField(n, col);
    }

    public void bool(int col, boolean v) {
        String n = start(col);
        rc.addBoolean(v);
        rc.endField(n, col);
    }

    public void string(int col, String v) {
        String n = start(col);
        rc.addBinary(Binary.fromString(v));
        rc.endField(n, col);
    }

    /** A list of {@code len} floats starting at {@code off} (a fixed-size list row). */
    public void floatList(int col, float[] values, int off, int len) {
        String n = start(col);
        openList(len > 0);
        for (int i = 0; i < len; i++) {
            openElement();
            rc.addFloat(values[off + i]);
            closeElement();
        }
        closeList(len > 0);
        rc.endField(n, col);
    }

    public void doubleList(int col, double[] values, int off, int len) {
        String n = start(col);
        openList(len > 0);
        for (int i = 0; i < len; i++) {
            openElement();
            rc.addDouble(values[off + i]);
            closeElement();
        }
        closeList(len > 0);
        rc.endField(n, col);
    }

    public void longList(int col, long[] values, int off, int len) {
        String n = start(col);
        openList(len > 0);
        for (int i = 0; i < len; i++) {
            openElement();
            rc.addLong(values[off + i]);
            closeElement();
        }
        closeList(len > 0);
        rc.endField(n, col);
    }

    public void boolList(int col, boolean[] values, int off, int len) {
        String n = start(col);
        openList(len > 0);
        for (int i = 0; i < len; i++) {
            openElement();
            rc.addBoolean(values[off + i]);
            closeElement();
        }
        closeList(len > 0);
        rc.endField(n, col);
    }

    public void stringList(int col, List<String> values) {
        String n = start(col);
        openList(!values.isEmpty());
        for (String s : values) {
            openElement();
            rc.addBinary(Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8)));
            closeElement();
        }
        closeList(!values.isEmpty());
        rc.endField(n, col);
    }

    /**
     * A nested list of shape {@code shape} (row-major {@code values}), e.g. image stats of shape
     * {@code [3, 1, 1]} as {@code list<list<list<double>>>}. {@code longs} selects int64 leaves
     * (then {@code longValues} is read instead of {@code values}).
     */
    public void nestedList(int col, int[] shape, double[] values, long[] longValues) {
        String n = start(col);
        nestedLevel(shape, 0, 0, values, longValues);
        rc.endField(n, col);
    }

    private int nestedLevel(int[] shape, int dim, int pos, double[] values, long[] longValues) {
        openList(shape[dim] > 0);
        for (int i = 0; i < shape[dim]; i++) {
            openElement();
            if (dim < shape.length - 1) {
                pos = nestedLevel(shape, dim + 1, pos, values, longValues);
            } else if (longValues != null) {
                rc.addLong(longValues[pos++]);
            } else {
                rc.addDouble(values[pos++]);
            }
            closeElement();
        }
        closeList(shape[dim] > 0);
        return pos;
    }

    /** Opens the outer group of a LIST value; its repeated {@code list} field only when it has elements. */
    private void openList(boolean nonEmpty) {
        rc.startGroup();
        if (nonEmpty) {
            rc.startField(LIST, 0);
        }
    }

    private void closeList(boolean nonEmpty) {
        if (nonEmpty) {
            rc.endField(LIST, 0);
        }
        rc.endGroup();
    }

    private void openElement() {
        rc.startGroup();
        rc.startField(ELEMENT, 0);
    }

    private void closeElement() {
        rc.endField(ELEMENT, 0);
        rc.endGroup();
    }
}
