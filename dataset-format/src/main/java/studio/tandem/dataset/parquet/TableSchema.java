package studio.tandem.dataset.parquet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * An ordered list of columns, convertible to the Parquet schema pyarrow writes for the same Arrow
 * schema (3-level LISTs named {@code list}/{@code element}, every field optional). Immutable.
 */
public final class TableSchema {
    private final List<Column> columns;
    private final Map<String, Integer> index = new HashMap<>();
    private final MessageType parquet;

    public TableSchema(List<Column> columns) {
        this.columns = List.copyOf(columns);
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (int i = 0; i < this.columns.size(); i++) {
            Column c = this.columns.get(i);
            if (index.put(c.name(), i) != null) {
                throw new IllegalArgumentException("column '" + c.name() + "' appears twice");
            }
            b.addField(parquetType(c.name(), c.type(), c.listDepth()));
        }
        this.parquet = b.named("schema");
    }

    public List<Column> columns() {
        return columns;
    }

    public Column column(int i) {
        return columns.get(i);
    }

    public Optional<Column> column(String name) {
        Integer i = index.get(name);
        return i == null ? Optional.empty() : Optional.of(columns.get(i));
    }

    /** Position of a column; throws naming the column when absent. */
    public int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no column '" + name + "'");
        }
        return i;
    }

    public MessageType parquetSchema() {
        return parquet;
    }

    private static Type parquetType(String name, ValueType type, int depth) {
        if (depth == 0) {
            return leaf(name, type);
        }
        Type element = parquetType("element", type, depth - 1);
        return Types.optionalGroup().as(LogicalTypeAnnotation.listType())
                .addField(Types.repeatedGroup().addField(element).named("list"))
                .named(name);
    }

    private static Type leaf(String name, ValueType type) {
        return switch (type) {
            case FLOAT32 -> Types.optional(PrimitiveTypeName.FLOAT).named(name);
            case FLOAT64 -> Types.optional(PrimitiveTypeName.DOUBLE).named(name);
            case INT64 -> Types.optional(PrimitiveTypeName.INT64).named(name);
            case BOOL -> Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
            case STRING -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableSchema t && t.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }
}
