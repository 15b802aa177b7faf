package studio.tandem.dataset.parquet;

/**
 * Emits the fields of one row. Called on the thread that writes the table, once per row, in order.
 * Implementations must not allocate per row on hot paths (write from preallocated arrays).
 */
@FunctionalInterface
public interface RowWriter {
    /** Writes row {@code row}: one call on {@code out} per non-null column, in any column order. */
    void writeRow(int row, RowFields out);
}
