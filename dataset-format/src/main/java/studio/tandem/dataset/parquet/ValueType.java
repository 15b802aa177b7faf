package studio.tandem.dataset.parquet;

/** Leaf value types of the tables we write and read, as Arrow and Parquet both name them. */
public enum ValueType {
    /** Arrow float32, Parquet FLOAT. */
    FLOAT32,
    /** Arrow float64, Parquet DOUBLE. */
    FLOAT64,
    /** Arrow int64, Parquet INT64. */
    INT64,
    /** Arrow bool, Parquet BOOLEAN. */
    BOOL,
    /** Arrow utf8, Parquet BINARY (STRING). */
    STRING
}
