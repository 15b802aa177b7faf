package studio.tandem.dataset.lerobot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.parquet.ArrowSchemaEncoder;
import studio.tandem.dataset.parquet.Column;
import studio.tandem.dataset.parquet.TableSchema;
import studio.tandem.dataset.parquet.ValueType;

/**
 * The schema of {@code data/...parquet}: one column per non-video feature in info.json order;
 * shape-[1] features as scalars, longer vectors as {@code fixed_size_list<item>[n]}; plus the footer
 * pyarrow and Hugging Face datasets write ({@code ARROW:schema}, {@code huggingface}). Stateless.
 */
public final class DataTable {
    private DataTable() {
    }

    public static TableSchema schema(DatasetInfo info) {
        List<Column> cols = new ArrayList<>();
        for (Feature f : info.features().tabular()) {
            cols.add(column(f));
        }
        return new TableSchema(cols);
    }

    static Column column(Feature f) {
        ValueType t = valueType(f);
        if (f instanceof VectorFeature v && !v.isScalar()) {
            return Column.fixedList(f.name(), t, v.length());
        }
        return Column.scalar(f.name(), t);
    }

    static ValueType valueType(Feature f) {
        return switch (f.dtype()) {
            case FLOAT32 -> ValueType.FLOAT32;
            case FLOAT64 -> ValueType.FLOAT64;
            case INT64 -> ValueType.INT64;
            case BOOL -> ValueType.BOOL;
            case STRING -> ValueType.STRING;
            default -> throw new IllegalArgumentException(f.name() + ": " + f.dtype().jsonName()
                    + " features are not stored in the data table");
        };
    }

    /** Footer entries: {@code huggingface} (datasets features) and {@code ARROW:schema}. */
    public static Map<String, String> footer(DatasetInfo info, TableSchema schema) {
        Map<String, String> arrowMeta = Map.of("huggingface", huggingface(info));
        Map<String, String> footer = new LinkedHashMap<>(arrowMeta);
        footer.put(ArrowSchemaEncoder.KEY, ArrowSchemaEncoder.encode(schema, arrowMeta));
        return footer;
    }

    private static String huggingface(DatasetInfo info) {
        StringBuilder b = new StringBuilder("{\"info\": {\"features\": {");
        boolean first = true;
        for (Feature f : info.features().tabular()) {
            if (!first) {
                b.append(", ");
            }
            first = false;
            String value = "{\"dtype\": \"" + hfDtype(f) + "\", \"_type\": \"Value\"}";
            b.append('"').append(f.name()).append("\": ");
            if (f instanceof VectorFeature v && !v.isScalar()) {
                b.append("{\"feature\": ").append(value).append(", \"length\": ").append(v.length())
                        .append(", \"_type\": \"List\"}");
            } else {
                b.append(value);
            }
        }
        return b.append("}}, \"fingerprint\": \"").append(fingerprint(info)).append("\"}").toString();
    }

    private static String hfDtype(Feature f) {
        return f.dtype() == studio.tandem.dataset.feature.DType.BOOL ? "bool" : f.dtype().jsonName();
    }

    private static String fingerprint(DatasetInfo info) {
        return String.format("%016x", (long) info.features().hashCode() * 0x9E3779B97F4A7C15L);
    }
}
