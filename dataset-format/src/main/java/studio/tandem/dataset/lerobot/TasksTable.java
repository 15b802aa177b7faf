package studio.tandem.dataset.lerobot;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.tandem.dataset.parquet.ArrowSchemaEncoder;
import studio.tandem.dataset.parquet.Column;
import studio.tandem.dataset.parquet.ColumnData;
import studio.tandem.dataset.parquet.ParquetTableReader;
import studio.tandem.dataset.parquet.ParquetTables;
import studio.tandem.dataset.parquet.TableSchema;
import studio.tandem.dataset.parquet.ValueType;

/**
 * {@code meta/tasks.parquet}: a pandas DataFrame with {@code task_index} (int64) and the task text
 * as its index, stored as column {@code __index_level_0__} with the {@code pandas} footer entry that
 * names it, exactly as pyarrow writes LeRobot's tasks. Stateless.
 */
public final class TasksTable {
    static final String INDEX_COLUMN = "__index_level_0__";
    private static final TableSchema SCHEMA = new TableSchema(List.of(
            Column.scalar("task_index", ValueType.INT64), Column.scalar(INDEX_COLUMN, ValueType.STRING)));

    private TasksTable() {
    }

    /** Writes the tasks, index i being task i (replaced atomically). */
    public static void write(Path file, List<String> tasks) throws IOException {
        Map<String, String> arrowMeta = Map.of("pandas", pandasMetadata());
        Map<String, String> footer = new LinkedHashMap<>(arrowMeta);
        footer.put(ArrowSchemaEncoder.KEY, ArrowSchemaEncoder.encode(SCHEMA, arrowMeta));
        ParquetTables.write(file, SCHEMA, footer, tasks.size(), (row, out) -> {
            out.int64(0, row);
            out.string(1, tasks.get(row));
        });
    }

    private static String pandasMetadata() {
        return "{\"index_columns\": [\"" + INDEX_COLUMN + "\"], \"column_indexes\": [{\"name\": null, "
                + "\"field_name\": null, \"pandas_type\": \"unicode\", \"numpy_type\": \"object\", "
                + "\"metadata\": {\"encoding\": \"UTF-8\"}}], \"columns\": [{\"name\": \"task_index\", "
                + "\"field_name\": \"task_index\", \"pandas_type\": \"int64\", \"numpy_type\": \"int64\", "
                + "\"metadata\": null}, {\"name\": null, \"field_name\": \"" + INDEX_COLUMN + "\", "
                + "\"pandas_type\": \"unicode\", \"numpy_type\": \"object\", \"metadata\": null}], "
                + "\"attributes\": {}, \"creator\": {\"library\": \"pyarrow\", \"version\": \"22.0.0\"}, "
                + "\"pandas_version\": \"2.3.3\"}";
    }

    /** Reads tasks ordered by task_index; the text column is found through the pandas index metadata. */
    public static List<String> read(Path file) throws IOException {
        ParquetTableReader r = ParquetTableReader.open(file);
        String textColumn = textColumn(r);
        if (!r.hasColumn("task_index") || textColumn == null) {
            throw new IOException(file + ": expected columns task_index and the task text index");
        }
        ColumnData idx = r.read("task_index");
        ColumnData text = r.read(textColumn);
        String[] out = new String[idx.rows()];
        for (int i = 0; i < idx.rows(); i++) {
            long t = idx.longAt(i);
            if (t < 0 || t >= out.length || out[(int) t] != null) {
                throw new IOException(file + ": task_index values must be 0.." + (out.length - 1) + " once each");
            }
            out[(int) t] = text.stringAt(i);
        }
        return new ArrayList<>(List.of(out));
    }

    private static String textColumn(ParquetTableReader r) throws IOException {
        String pandas = r.keyValueMetadata().get("pandas");
        if (pandas != null) {
            try {
                JsonNode n = JsonFiles.MAPPER.readTree(pandas).path("index_columns");
                if (n.isArray() && n.size() == 1 && n.get(0).isTextual() && r.hasColumn(n.get(0).asText())) {
                    return n.get(0).asText();
                }
            } catch (IOException e) {
                throw new IOException(r.file() + ": malformed pandas metadata (" + e.getMessage() + ")");
            }
        }
        for (String c : List.of("task", INDEX_COLUMN)) {
            if (r.hasColumn(c)) {
                return c;
            }
        }
        return null;
    }
}
