package studio.tandem.dataset.lerobot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.tandem.dataset.feature.DType;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.parquet.ArrowSchemaEncoder;
import studio.tandem.dataset.parquet.Column;
import studio.tandem.dataset.parquet.ColumnData;
import studio.tandem.dataset.parquet.ParquetTableReader;
import studio.tandem.dataset.parquet.RowFields;
import studio.tandem.dataset.parquet.RowWriter;
import studio.tandem.dataset.parquet.TableSchema;
import studio.tandem.dataset.parquet.ValueType;

/**
 * The episodes table ({@code meta/episodes/chunk-XXX/file-XXX.parquet}): LeRobot's columns in
 * LeRobot's order, then ours ({@code success}, {@code operator}, {@code notes},
 * {@code dropped_frames/<key>}, {@code events}, then {@code quality/<key>/skew_mean_ms|skew_max_ms|missing|
 * repeated|dropped} for every recorded feature). LeRobot's loader ignores extra episode columns. Stateless.
 */
public final class EpisodesTable {
    private EpisodesTable() {
    }

    public static TableSchema schema(DatasetInfo info) {
        List<Column> c = new ArrayList<>();
        c.add(Column.scalar("episode_index", ValueType.INT64));
        c.add(Column.list("tasks", ValueType.STRING, 1));
        for (String k : List.of("length", "data/chunk_index", "data/file_index", "dataset_from_index",
                "dataset_to_index")) {
            c.add(Column.scalar(k, ValueType.INT64));
        }
        for (VisualFeature v : info.features().videos()) {
            c.add(Column.scalar("videos/" + v.name() + "/chunk_index", ValueType.INT64));
            c.add(Column.scalar("videos/" + v.name() + "/file_index", ValueType.INT64));
            c.add(Column.scalar("videos/" + v.name() + "/from_timestamp", ValueType.FLOAT64));
            c.add(Column.scalar("videos/" + v.name() + "/to_timestamp", ValueType.FLOAT64));
        }
        for (Feature f : statsFeatures(info)) {
            int depth = f.dtype().isVisual() ? 3 : 1;
            for (String k : FeatureStats.KEYS) {
                boolean ints = k.equals("count") || (f.dtype() == DType.INT64 && (k.equals("min") || k.equals("max")));
                c.add(Column.list("stats/" + f.name() + "/" + k, ints ? ValueType.INT64 : ValueType.FLOAT64,
                        k.equals("count") ? 1 : depth));
            }
        }
        c.add(Column.scalar("meta/episodes/chunk_index", ValueType.INT64));
        c.add(Column.scalar("meta/episodes/file_index", ValueType.INT64));
        c.add(Column.scalar("success", ValueType.BOOL));
        c.add(Column.scalar("operator", ValueType.STRING));
        c.add(Column.scalar("notes", ValueType.STRING));
        for (VisualFeature v : info.features().videos()) {
            c.add(Column.scalar("dropped_frames/" + v.name(), ValueType.INT64));
        }
        c.add(Column.scalar("events", ValueType.STRING));
        for (Feature f : qualityFeatures(info)) {
            for (String k : StreamQuality.COLUMNS) {
                c.add(Column.scalar(StreamQuality.column(f.name(), k),
                        k.startsWith("skew") ? ValueType.FLOAT64 : ValueType.INT64));
            }
        }
        return new TableSchema(c);
    }

    /** Features with stream-quality columns: every feature except LeRobot's own index/time columns. */
    public static List<Feature> qualityFeatures(DatasetInfo info) {
        return info.features().all().stream().filter(f -> !DatasetInfo.isDefault(f.name())).toList();
    }

    /** Features that have stats: every feature except strings. */
    public static List<Feature> statsFeatures(DatasetInfo info) {
        return info.features().all().stream().filter(f -> f.dtype() != DType.STRING).toList();
    }

    public static Map<String, String> footer(TableSchema schema) {
        return Map.of(ArrowSchemaEncoder.KEY, ArrowSchemaEncoder.encode(schema, Map.of()));
    }

    /** Writes records as rows; allocation per row is fine (one row per saved episode). */
    public static RowWriter rows(DatasetInfo info, TableSchema schema, List<EpisodeRecord> records) {
        return (row, out) -> writeRecord(info, schema, records.get(row), out);
    }

    private static void writeRecord(DatasetInfo info, TableSchema s, EpisodeRecord r, RowFields out) {
        out.int64(s.indexOf("episode_index"), r.episodeIndex());
        out.stringList(s.indexOf("tasks"), r.tasks());
        out.int64(s.indexOf("length"), r.length());
        out.int64(s.indexOf("data/chunk_index"), r.dataChunkIndex());
        out.int64(s.indexOf("data/file_index"), r.dataFileIndex());
        out.int64(s.indexOf("dataset_from_index"), r.datasetFromIndex());
        out.int64(s.indexOf("dataset_to_index"), r.datasetToIndex());
        r.videos().forEach((key, v) -> {
            out.int64(s.indexOf("videos/" + key + "/chunk_index"), v.chunkIndex());
            out.int64(s.indexOf("videos/" + key + "/file_index"), v.fileIndex());
            out.float64(s.indexOf("videos/" + key + "/from_timestamp"), v.fromTimestamp());
            out.float64(s.indexOf("videos/" + key + "/to_timestamp"), v.toTimestamp());
        });
        r.stats().forEach((key, st) -> writeStats(s, key, st, out));
        out.int64(s.indexOf("meta/episodes/chunk_index"), r.metaChunkIndex());
        out.int64(s.indexOf("meta/episodes/file_index"), r.metaFileIndex());
        EpisodeExtras x = r.extras();
        if (x.success() != null) {
            out.bool(s.indexOf("success"), x.success());
        }
        if (x.operator() != null) {
            out.string(s.indexOf("operator"), x.operator());
        }
        if (x.notes() != null) {
            out.string(s.indexOf("notes"), x.notes());
        }
        for (VisualFeature v : info.features().videos()) {
            out.int64(s.indexOf("dropped_frames/" + v.name()), x.droppedFrames().getOrDefault(v.name(), 0L));
        }
        out.string(s.indexOf("events"), EventsJson.toJson(x.events()));
        for (Feature f : qualityFeatures(info)) {
            StreamQuality q = x.quality().get(f.name());
            if (q != null) {
                out.float64(s.indexOf(StreamQuality.column(f.name(), "skew_mean_ms")), q.skewMeanMs());
                out.float64(s.indexOf(StreamQuality.column(f.name(), "skew_max_ms")), q.skewMaxMs());
                out.int64(s.indexOf(StreamQuality.column(f.name(), "missing")), q.missing());
                out.int64(s.indexOf(StreamQuality.column(f.name(), "repeated")), q.repeated());
                out.int64(s.indexOf(StreamQuality.column(f.name(), "dropped")), q.dropped());
            }
        }
    }

    private static void writeStats(TableSchema s, String key, FeatureStats st, RowFields out) {
        for (String k : FeatureStats.KEYS) {
            int col = s.indexOf("stats/" + key + "/" + k);
            if (k.equals("count")) {
                out.longList(col, new long[] {st.count()}, 0, 1);
            } else if (s.column(col).type() == ValueType.INT64) {
                double[] v = st.values(k);
                long[] l = new long[v.length];
                for (int i = 0; i < v.length; i++) {
                    l[i] = (long) v[i];
                }
                out.nestedList(col, st.shape(), null, l);
            } else {
                out.nestedList(col, st.shape(), st.values(k), null);
            }
        }
    }

    /** Reads every record of one episodes file; missing LeRobot columns fail naming file and column. */
    public static List<EpisodeRecord> read(Path file, DatasetInfo info) throws IOException {
        ParquetTableReader r = ParquetTableReader.open(file);
        Map<String, ColumnData> cols = new LinkedHashMap<>(r.read(r.columnNames()));
        return EpisodesDecoder.decode(file, info, cols, (int) r.rowCount());
    }
}
