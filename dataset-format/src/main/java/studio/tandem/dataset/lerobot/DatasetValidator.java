package studio.tandem.dataset.lerobot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.parquet.Column;
import studio.tandem.dataset.parquet.ColumnData;
import studio.tandem.dataset.parquet.ParquetTableReader;

/**
 * Checks what LeRobot's loader relies on: totals across files, index continuity, episode ranges,
 * every data column a feature and every feature a column of the right shape, tasks referenced,
 * stats keys and shapes, video files present with the right frame count and pts (within 1e-4 s of
 * {@code from_timestamp + i / fps}). Returns one line per problem, each naming the file.
 * Calling thread: any; reads files only.
 */
public final class DatasetValidator {
    static final double PTS_TOLERANCE = 1e-4;

    private DatasetValidator() {
    }

    /**
     * Validates the dataset at {@code root}.
     *
     * @param videoFiles the video probe; null skips frame-level checks (files must still exist)
     * @return problems, empty when valid
     * @throws IOException when metadata cannot be read at all (malformed JSON, truncated Parquet)
     */
    public static List<String> validate(Path root, VideoFiles videoFiles) throws IOException {
        DatasetMeta m = DatasetMeta.load(root);
        List<String> p = new ArrayList<>();
        checkTotals(m, p);
        checkEpisodes(m, p);
        checkStats(m, p);
        Set<Path> dataFiles = new java.util.TreeSet<>();
        for (EpisodeRecord r : m.episodes()) {
            dataFiles.add(root.resolve(m.info().dataFile(r.dataChunkIndex(), r.dataFileIndex())));
        }
        for (Path f : dataFiles) {
            checkDataFile(m, f, p);
        }
        VideoChecks.check(m, videoFiles, p);
        return p;
    }

    private static void checkTotals(DatasetMeta m, List<String> p) {
        String info = m.root().resolve(LeRobotPaths.INFO).toString();
        DatasetInfo i = m.info();
        if (i.totalEpisodes() != m.episodes().size()) {
            p.add(info + ": total_episodes is " + i.totalEpisodes() + " but the episodes tables hold "
                    + m.episodes().size());
        }
        long frames = m.episodes().stream().mapToLong(EpisodeRecord::length).sum();
        if (i.totalFrames() != frames) {
            p.add(info + ": total_frames is " + i.totalFrames() + " but the episodes' lengths sum to " + frames);
        }
        if (i.totalTasks() != m.tasks().size()) {
            p.add(info + ": total_tasks is " + i.totalTasks() + " but tasks.parquet holds " + m.tasks().size());
        }
    }

    private static void checkEpisodes(DatasetMeta m, List<String> p) {
        String where = m.root().resolve("meta/episodes").toString();
        long expectFrom = 0;
        for (int k = 0; k < m.episodes().size(); k++) {
            EpisodeRecord r = m.episodes().get(k);
            if (r.episodeIndex() != k) {
                p.add(where + ": episode_index " + r.episodeIndex() + " where " + k + " was expected");
            }
            if (r.datasetFromIndex() != expectFrom || r.datasetToIndex() - r.datasetFromIndex() != r.length()) {
                p.add(where + ": episode " + r.episodeIndex() + " spans index " + r.datasetFromIndex() + ".."
                        + r.datasetToIndex() + " with length " + r.length() + ", expected to start at " + expectFrom);
            }
            expectFrom = r.datasetToIndex();
            for (String t : r.tasks()) {
                if (!m.tasks().contains(t)) {
                    p.add(where + ": episode " + r.episodeIndex() + " refers to task '" + t
                            + "' missing from tasks.parquet");
                }
            }
        }
    }

    private static void checkStats(DatasetMeta m, List<String> p) {
        String where = m.root().resolve(LeRobotPaths.STATS).toString();
        if (m.episodes().isEmpty()) {
            return;
        }
        for (Feature f : EpisodesTable.statsFeatures(m.info())) {
            FeatureStats s = m.stats().get(f.name());
            if (s == null) {
                p.add(where + ": no stats for feature '" + f.name() + "'");
                continue;
            }
            int[] want = f instanceof VisualFeature v ? new int[] {v.channels(), 1, 1} : f.shape();
            if (!Arrays.equals(s.shape(), want)) {
                p.add(where + ": stats of '" + f.name() + "' have shape " + Arrays.toString(s.shape()) + ", expected "
                        + Arrays.toString(want));
            }
        }
        for (String k : m.stats().keySet()) {
            if (!m.info().features().contains(k)) {
                p.add(where + ": stats for '" + k + "', which is not a feature");
            }
        }
    }

    private static void checkDataFile(DatasetMeta m, Path f, List<String> p) throws IOException {
        if (!Files.isRegularFile(f)) {
            p.add(f + ": data file is missing");
            return;
        }
        ParquetTableReader r = ParquetTableReader.open(f);
        Set<String> cols = new HashSet<>(r.columnNames());
        for (String c : r.columnNames()) {
            if (!m.info().features().contains(c)) {
                p.add(f + ": column '" + c + "' is not a feature in info.json");
            }
        }
        for (Feature feat : m.info().features().tabular()) {
            if (!cols.contains(feat.name())) {
                p.add(f + ": feature '" + feat.name() + "' has no column");
            } else {
                checkShape(r, f, feat, p);
            }
        }
        if (cols.contains("index") && cols.contains("episode_index")) {
            checkIndexContinuity(m, r, f, p);
        }
    }

    private static void checkShape(ParquetTableReader r, Path f, Feature feat, List<String> p) throws IOException {
        Column want = DataTable.column(feat);
        int depth = r.schema().getType(feat.name()).isPrimitive() ? 0 : 1;
        if (depth != want.listDepth()) {
            p.add(f + ": column '" + feat.name() + "' is " + (depth == 0 ? "a scalar" : "a list")
                    + " but the feature has shape " + Arrays.toString(feat.shape()));
        } else if (feat instanceof VectorFeature v && !v.isScalar()) {
            ColumnData d = r.read(feat.name());
            for (int i = 0; i < d.rows(); i++) {
                if (d.count(i) != v.length()) {
                    p.add(f + ": row " + i + " of '" + feat.name() + "' has " + d.count(i) + " values, shape is ["
                            + v.length() + "]");
                    return;
                }
            }
        }
    }

    private static void checkIndexContinuity(DatasetMeta m, ParquetTableReader r, Path f, List<String> p)
            throws IOException {
        ColumnData index = r.read("index");
        ColumnData ep = r.read("episode_index");
        ColumnData frame = r.hasColumn("frame_index") ? r.read("frame_index") : null;
        for (int i = 0; i < index.rows(); i++) {
            long e = ep.longAt(i);
            if (e < 0 || e >= m.episodes().size()) {
                p.add(f + ": row " + i + " has episode_index " + e + ", which has no episode metadata");
                return;
            }
            EpisodeRecord rec = m.episodes().get((int) e);
            long expectFrame = index.longAt(i) - rec.datasetFromIndex();
            if (index.longAt(i) < rec.datasetFromIndex() || index.longAt(i) >= rec.datasetToIndex()
                    || (i > 0 && index.longAt(i) != index.longAt(i - 1) + 1)
                    || (frame != null && frame.longAt(i) != expectFrame)) {
                p.add(f + ": row " + i + " (index " + index.longAt(i) + ", episode " + e
                        + ") breaks index continuity or lies outside its episode's range");
                return;
            }
        }
    }
}
