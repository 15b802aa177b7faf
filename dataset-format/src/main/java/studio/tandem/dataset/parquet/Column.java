package studio.tandem.dataset.parquet;

/**
 * One column of a table: a nullable scalar ({@code listDepth == 0}), a fixed-size list of
 * {@code fixedLength} values (Arrow {@code fixed_size_list}, Parquet 3-level LIST), or a list nested
 * {@code listDepth} times (Arrow {@code list<list<...>>}). Every field and element is nullable, as
 * pyarrow writes them.
 *
 * @param fixedLength element count of a fixed-size list, 0 for variable lists and scalars
 */
public record Column(String name, ValueType type, int listDepth, int fixedLength) {

    public Column {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("column name must not be empty");
        }
        if (listDepth < 0 || fixedLength < 0 || (fixedLength > 0 && listDepth != 1)) {
            throw new IllegalArgumentException(name + ": bad list shape depth=" + listDepth + " fixed=" + fixedLength);
        }
    }

    public static Column scalar(String name, ValueType type) {
        return new Column(name, type, 0, 0);
    }

    /** A fixed-size list of {@code n} values per row (Arrow {@code fixed_size_list<item>[n]}). */
    public static Column fixedList(String name, ValueType type, int n) {
        return new Column(name, type, 1, n);
    }

    /** A variable-length list nested {@code depth} times (depth 1: {@code list<item>}). */
    public static Column list(String name, ValueType type, int depth) {
        return new Column(name, type, depth, 0);
    }

    public boolean isScalar() {
        return listDepth == 0;
    }
}
