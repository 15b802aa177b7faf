package studio.tandem.dataset.lerobot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.parquet.ColumnData;
import studio.tandem.dataset.parquet.ValueType;

/** Turns the columns of an episodes file into {@link EpisodeRecord}s. Stateless. */
final class EpisodesDecoder {
    private static final List<String> REQUIRED = List.of("episode_index", "tasks", "length", "data/chunk_index",
            "data/file_index", "dataset_from_index", "dataset_to_index", "meta/episodes/chunk_index",
            "meta/episodes/file_index");

    private EpisodesDecoder() {
    }

    static List<EpisodeRecord> decode(Path file, DatasetInfo info, Map<String, ColumnData> cols, int rows)
            throws IOException {
        for (String c : REQUIRED) {
            if (!cols.containsKey(c)) {
                throw new IOException(file + ": missing column '" + c + "'");
            }
        }
        List<EpisodeRecord> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            out.add(record(file, info, cols, r));
        }
        return out;
    }

    private static EpisodeRecord record(Path file, DatasetInfo info, Map<String, ColumnData> c, int r)
            throws IOException {
        Map<String, VideoSpan> videos = new LinkedHashMap<>();
        for (VisualFeature v : info.features().videos()) {
            String p = "videos/" + v.name() + "/";
            if (c.containsKey(p + "chunk_index") && !c.get(p + "chunk_index").isNull(r)) {
                videos.put(v.name(), new VideoSpan(c.get(p + "chunk_index").longAt(r), c.get(p + "file_index").longAt(r),
                        c.get(p + "from_timestamp").doubleAt(r), c.get(p + "to_timestamp").doubleAt(r)));
            }
        }
        Map<String, FeatureStats> stats = new LinkedHashMap<>();
        for (Feature f : EpisodesTable.statsFeatures(info)) {
            FeatureStats s = stats(c, f, r);
            if (s != null) {
                stats.put(f.name(), s);
            }
        }
        return new EpisodeRecord(l(c, "episode_index", r), List.of(c.get("tasks").stringsOf(r)), l(c, "length", r),
                l(c, "data/chunk_index", r), l(c, "data/file_index", r), l(c, "dataset_from_index", r),
                l(c, "dataset_to_index", r), videos, stats, l(c, "meta/episodes/chunk_index", r),
                l(c, "meta/episodes/file_index", r), extras(file, info, c, r));
    }

    private static long l(Map<String, ColumnData> c, String name, int r) {
        return c.get(name).longAt(r);
    }

    private static FeatureStats stats(Map<String, ColumnData> c, Feature f, int r) {
        String p = "stats/" + f.name() + "/";
        Map<String, double[]> v = new HashMap<>();
        for (String k : FeatureStats.KEYS) {
            ColumnData d = c.get(p + k);
            if (d == null || d.isNull(r)) {
                return null;
            }
            v.put(k, d.doublesOf(r));
        }
        int n = v.get("mean").length;
        int[] shape = f instanceof VisualFeature ? new int[] {n, 1, 1} : new int[] {n};
        double[][] q = new double[FeatureStats.QUANTILE_KEYS.size()][];
        for (int k = 0; k < q.length; k++) {
            q[k] = v.get(FeatureStats.QUANTILE_KEYS.get(k));
        }
        boolean integral = c.get(p + "min").type() == ValueType.INT64;
        try {
            return new FeatureStats(shape, integral, v.get("min"), v.get("max"), v.get("mean"), v.get("std"),
                    (long) v.get("count")[0], q);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private static EpisodeExtras extras(Path file, DatasetInfo info, Map<String, ColumnData> c, int r)
            throws IOException {
        Boolean success = c.containsKey("success") && !c.get("success").isNull(r)
                ? c.get("success").doubleAt(r) != 0 : null;
        Map<String, Long> dropped = new LinkedHashMap<>();
        for (VisualFeature v : info.features().videos()) {
            ColumnData d = c.get("dropped_frames/" + v.name());
            if (d != null && !d.isNull(r)) {
                dropped.put(v.name(), d.longAt(r));
            }
        }
        String events = c.containsKey("events") ? c.get("events").stringAt(r) : null;
        return new EpisodeExtras(success, str(c, "operator", r), str(c, "notes", r), dropped,
                EventsJson.fromJson(file + " row " + r, events), quality(info, c, r));
    }

    /** The {@code quality/<key>/...} columns of row {@code r} (absent in datasets written before them). */
    private static Map<String, StreamQuality> quality(DatasetInfo info, Map<String, ColumnData> c, int r) {
        Map<String, StreamQuality> out = new LinkedHashMap<>();
        for (Feature f : EpisodesTable.qualityFeatures(info)) {
            ColumnData mean = c.get(StreamQuality.column(f.name(), "skew_mean_ms"));
            ColumnData max = c.get(StreamQuality.column(f.name(), "skew_max_ms"));
            ColumnData missing = c.get(StreamQuality.column(f.name(), "missing"));
            ColumnData repeated = c.get(StreamQuality.column(f.name(), "repeated"));
            ColumnData dropped = c.get(StreamQuality.column(f.name(), "dropped"));
            if (mean == null || max == null || missing == null || repeated == null || dropped == null
                    || mean.isNull(r)) {
                continue;
            }
            out.put(f.name(), new StreamQuality(mean.doubleAt(r), max.doubleAt(r), missing.longAt(r),
                    repeated.longAt(r), dropped.longAt(r)));
        }
        return out;
    }

    private static String str(Map<String, ColumnData> c, String name, int r) {
        return c.containsKey(name) ? c.get(name).stringAt(r) : null;
    }
}
