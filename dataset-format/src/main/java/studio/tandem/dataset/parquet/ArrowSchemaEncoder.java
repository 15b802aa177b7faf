package studio.tandem.dataset.parquet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Builds the {@code ARROW:schema} Parquet footer entry: the base64 of an Arrow IPC schema message,
 * exactly what pyarrow stores so that Arrow readers restore {@code fixed_size_list} and schema
 * metadata. Stateless; any thread.
 */
public final class ArrowSchemaEncoder {
    /** The footer key Arrow readers look for. */
    public static final String KEY = "ARROW:schema";

    private ArrowSchemaEncoder() {
    }

    /** Encodes the table's columns plus schema-level metadata (e.g. {@code huggingface}, {@code pandas}). */
    public static String encode(TableSchema table, Map<String, String> schemaMetadata) {
        List<Field> fields = new ArrayList<>();
        for (Column c : table.columns()) {
            fields.add(field(c.name(), c));
        }
        Schema schema = new Schema(fields, schemaMetadata.isEmpty() ? null : schemaMetadata);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (WriteChannel ch = new WriteChannel(Channels.newChannel(bytes))) {
            MessageSerializer.serialize(ch, schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static Field field(String name, Column c) {
        return nested(name, c.type(), c.listDepth(), c.fixedLength());
    }

    private static Field nested(String name, ValueType type, int depth, int fixed) {
        if (depth == 0) {
            return new Field(name, FieldType.nullable(leaf(type)), null);
        }
        Field child = nested("item", type, depth - 1, 0);
        ArrowType list = fixed > 0 ? new ArrowType.FixedSizeList(fixed) : ArrowType.List.INSTANCE;
        return new Field(name, FieldType.nullable(list), List.of(child));
    }

    private static ArrowType leaf(ValueType type) {
        return switch (type) {
            case FLOAT32 -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case FLOAT64 -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case INT64 -> new ArrowType.Int(64, true);
            case BOOL -> ArrowType.Bool.INSTANCE;
            case STRING -> ArrowType.Utf8.INSTANCE;
        };
    }
}
