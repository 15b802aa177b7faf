package studio.tandem.dataset.parquet;

/**
 * One column read in full: row {@code r} holds leaf values {@code offsets[r] .. offsets[r+1]}
 * (flattened for nested lists), in {@code longs} for INT64 columns, {@code strings} for STRING
 * columns and {@code doubles} otherwise (float32 widened exactly; bool as 0/1). {@code nulls[r]} is
 * true where the whole row value is null.
 */
public record ColumnData(String name, ValueType type, int rows, int[] offsets, double[] doubles, long[] longs,
        String[] strings, boolean[] nulls) {

    public int count(int row) {
        return offsets[row + 1] - offsets[row];
    }

    public boolean isNull(int row) {
        return nulls[row];
    }

    /** The first leaf value of a row as a long (scalar INT64 columns). */
    public long longAt(int row) {
        return longs != null ? longs[offsets[row]] : (long) doubles[offsets[row]];
    }

    /** The first leaf value of a row as a double (scalar numeric columns). */
    public double doubleAt(int row) {
        return doubles != null ? doubles[offsets[row]] : longs[offsets[row]];
    }

    public String stringAt(int row) {
        return nulls[row] || count(row) == 0 ? null : strings[offsets[row]];
    }

    /** The leaf values of a row as doubles (a copy). */
    public double[] doublesOf(int row) {
        double[] out = new double[count(row)];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles != null ? doubles[offsets[row] + i] : longs[offsets[row] + i];
        }
        return out;
    }

    /** The leaf values of a row as strings (a copy). */
    public String[] stringsOf(int row) {
        String[] out = new String[count(row)];
        System.arraycopy(strings, offsets[row], out, 0, out.length);
        return out;
    }
}
