package studio.tandem.dataset.lerobot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.parquet.ParquetTables;
import studio.tandem.dataset.parquet.TableSchema;

/**
 * Writes a LeRobot v3.0 dataset one episode at a time, as LeRobot's own recorder lays it out:
 * several episodes per data/video/episodes file, one row group per episode, files rolling over by
 * size and chunks by {@code chunks_size} files, a later session starting new files. Every file is
 * replaced atomically, and {@code info.json} (the totals) is written last, so a crash at any moment
 * leaves the previously saved episodes readable. Calling thread: one writer thread.
 */
public final class LeRobotWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeRobotWriter.class);
    private static final double MB = 1024.0 * 1024.0;
    /**
     * Save latency versus file count. parquet-mr cannot append to a Parquet file, so saving an
     * episode into the current data (or episodes) file writes a new file: the earlier row groups
     * copied byte for byte (not re-encoded) plus the episode's, then moved over the old one
     * atomically. That copy grows with the file (60 float columns, 1800 rows, on 2 heavily loaded
     * cores: save p50 1.37 s onto a 50 MB file vs 0.73 s onto an empty one), so the writer starts a new file once the current one
     * reaches this size instead of LeRobot's 100 MB. Readers see no difference: several episodes
     * per file, no file above {@code data_files_size_in_mb} (still 100 in info.json, so LeRobot's
     * own writer appending later uses its usual size); the cost is ~6x more, smaller data files
     * (16 MB holds ~40 min of 60 float columns at 30 fps).
     */
    public static final int DEFAULT_REWRITE_LIMIT_MB = 16;

    private final Path root;
    private final VideoFiles videoFiles;
    private final EpisodeStatsCalculator statsCalculator = new EpisodeStatsCalculator();
    private final List<EpisodeRecord> episodes;
    private final List<String> tasks;
    private DatasetInfo info;
    private Map<String, FeatureStats> stats;
    private final FileCursor data = new FileCursor();
    private final FileCursor meta = new FileCursor();
    /**
     * The episodes of the trailing one-row row groups of the current episodes file. Each saved episode
     * appends a row group of one row (a byte copy of the file plus one row, cheap); every
     * {@link #EPISODE_GROUPS_MERGED}th save writes those trailing rows again as one row group, so the
     * file holds few, larger row groups: a 400-episode file is read in a fraction of the time (Review,
     * LeRobot) and compresses across rows.
     */
    private final List<EpisodeRecord> metaTail = new ArrayList<>();
    /** How many one-row groups at the end of an episodes file become one. */
    static final int EPISODE_GROUPS_MERGED = 32;
    private final Map<String, VideoSpan> videoCursor = new HashMap<>();
    private int rewriteLimitMb = DEFAULT_REWRITE_LIMIT_MB;

    private LeRobotWriter(Path root, DatasetMeta m, VideoFiles videoFiles) {
        this.root = root;
        this.videoFiles = videoFiles;
        this.info = m.info();
        this.tasks = new ArrayList<>(m.tasks());
        this.episodes = new ArrayList<>(m.episodes());
        this.stats = new LinkedHashMap<>(m.stats());
    }

    /**
     * Creates a new, empty dataset at {@code root} (which must not exist or be empty) and writes its
     * {@code info.json}.
     *
     * @param features the episode's features (LeRobot's index features are added)
     * @param videoFiles the video layer; may be null when there are no video features
     */
    public static LeRobotWriter create(Path root, int fps, FeatureSet features, String robotType,
            VideoFiles videoFiles) throws IOException {
        if (Files.exists(root.resolve(LeRobotPaths.INFO))) {
            throw new IOException(root + ": a dataset already exists here (open it to append)");
        }
        DatasetInfo info = DatasetInfo.create(fps, features, robotType);
        Files.createDirectories(root.resolve("meta"));
        InfoJson.write(root.resolve(LeRobotPaths.INFO), info);
        return new LeRobotWriter(root, new DatasetMeta(root, info, List.of(), List.of(), Map.of()), videoFiles);
    }

    /** Opens an existing dataset to append episodes (they go to new files, as LeRobot does). */
    public static LeRobotWriter open(Path root, VideoFiles videoFiles) throws IOException {
        return new LeRobotWriter(root, DatasetMeta.load(root), videoFiles);
    }

    public DatasetInfo info() {
        return info;
    }

    /** Overrides the file roll-over sizes (before the first episode; for tests and tuning). */
    public void setFileSizes(int dataMb, int videoMb) throws IOException {
        info = info.withFileSizes(dataMb, videoMb);
        InfoJson.write(root.resolve(LeRobotPaths.INFO), info);
    }

    /**
     * Sets the size at which the writer starts a new data/episodes file (capped by the dataset's
     * {@code data_files_size_in_mb}); see {@link #DEFAULT_REWRITE_LIMIT_MB} for the trade-off.
     */
    public void setRewriteLimitMb(int mb) {
        if (mb < 1) {
            throw new IllegalArgumentException("rewrite limit: must be >= 1 MB, was " + mb);
        }
        rewriteLimitMb = mb;
    }

    private int rollMb() {
        return Math.min(info.dataFilesSizeInMb(), rewriteLimitMb);
    }

    /**
     * Saves one episode: its table rows, its per-camera MP4s (moved into the dataset's video files)
     * and its metadata. Returns the episode's record.
     *
     * @param buf the episode's columns; {@code buf.length()} frames, a task for every frame
     * @param videos per video feature, the episode's MP4 (exactly {@code buf.length()} frames) and stats
     * @throws IllegalArgumentException naming the field when the input does not fit the schema
     */
    public EpisodeRecord appendEpisode(EpisodeBuffer buf, Map<String, EpisodeVideo> videos, EpisodeExtras extras)
            throws IOException {
        List<Map<String, Object>> probes = checkInput(buf, videos);
        long epIndex = episodes.size();
        long from = info.totalFrames();
        long[] globalTask = registerTasks(buf);
        Map<String, FeatureStats> epStats = statsCalculator.compute(info, buf, epIndex, from, globalTask);
        for (VisualFeature v : info.features().videos()) {
            epStats.put(v.name(), videos.get(v.name()).stats());
        }
        Map<String, FeatureStats> ordered = orderStats(epStats);
        long[] dataFile = writeData(buf, epIndex, from, globalTask);
        Map<String, VideoSpan> spans = writeVideos(buf.length(), videos);
        updateVideoInfo(probes);
        EpisodeRecord rec = writeEpisodeRow(new EpisodeRecord(epIndex, usedTasks(buf), buf.length(), dataFile[0],
                dataFile[1], from, from + buf.length(), spans, ordered, 0, 0, extras));
        episodes.add(rec);
        stats = stats.isEmpty() ? ordered : StatsAggregator.aggregate(List.of(stats, ordered));
        StatsJson.write(root.resolve(LeRobotPaths.STATS), stats);
        info = info.withTotals(episodes.size(), from + buf.length(), tasks.size());
        InfoJson.write(root.resolve(LeRobotPaths.INFO), info);
        return rec;
    }

    private List<Map<String, Object>> checkInput(EpisodeBuffer buf, Map<String, EpisodeVideo> videos)
            throws IOException {
        if (buf.length() < 1) {
            throw new IllegalArgumentException("episode has no frames");
        }
        if (buf.tasks().isEmpty()) {
            throw new IllegalArgumentException("episode has no task");
        }
        for (Feature f : info.features().tabular()) {
            if (!DatasetInfo.isDefault(f.name())) {
                buf.array(f.name());
            }
        }
        List<Map<String, Object>> probes = new ArrayList<>();
        for (VisualFeature v : info.features().videos()) {
            EpisodeVideo ev = videos.get(v.name());
            if (ev == null || !Files.isRegularFile(ev.file())) {
                throw new IllegalArgumentException("video '" + v.name() + "': episode file "
                        + (ev == null ? "not given" : ev.file() + " is missing"));
            }
            VideoFiles.Probe p = videoFiles.probe(ev.file());
            if (p.frameCount() != buf.length()) {
                throw new IllegalArgumentException(ev.file() + ": " + p.frameCount() + " frames, the episode has "
                        + buf.length());
            }
            probes.add(p.lerobotInfo());
        }
        for (String k : videos.keySet()) {
            if (info.features().videos().stream().noneMatch(v -> v.name().equals(k))) {
                throw new IllegalArgumentException("video '" + k + "' is not a video feature of the dataset");
            }
        }
        return probes;
    }

    private long[] registerTasks(EpisodeBuffer buf) throws IOException {
        long[] global = new long[buf.tasks().size()];
        boolean added = false;
        for (int i = 0; i < global.length; i++) {
            int t = tasks.indexOf(buf.task(i));
            if (t < 0) {
                tasks.add(buf.task(i));
                t = tasks.size() - 1;
                added = true;
            }
            global[i] = t;
        }
        if (added) {
            TasksTable.write(root.resolve(LeRobotPaths.TASKS), tasks);
        }
        return global;
    }

    private static List<String> usedTasks(EpisodeBuffer buf) {
        boolean[] used = new boolean[buf.tasks().size()];
        for (int i = 0; i < buf.length(); i++) {
            used[buf.taskIdAt(i)] = true;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                out.add(buf.task(i));
            }
        }
        return out;
    }

    private Map<String, FeatureStats> orderStats(Map<String, FeatureStats> s) {
        Map<String, FeatureStats> out = new LinkedHashMap<>();
        for (Feature f : EpisodesTable.statsFeatures(info)) {
            if (s.containsKey(f.name())) {
                out.put(f.name(), s.get(f.name()));
            }
        }
        return out;
    }

    private long[] writeData(EpisodeBuffer buf, long epIndex, long from, long[] globalTask) throws IOException {
        long[] last = episodes.isEmpty() ? null
                : new long[] {episodes.get(episodes.size() - 1).dataChunkIndex(),
                        episodes.get(episodes.size() - 1).dataFileIndex()};
        Path file = data.place(root, last, buf.length(), rollMb(), info.chunksSize(),
                info::dataFile);
        TableSchema schema = DataTable.schema(info);
        EpisodeRows rows = new EpisodeRows(info.features().tabular(), buf, epIndex, from, info.fps(), globalTask);
        Map<String, String> footer = DataTable.footer(info, schema);
        if (data.groups == 0) {
            ParquetTables.write(file, schema, footer, buf.length(), rows);
        } else {
            ParquetTables.append(file, data.groups, file, schema, footer, buf.length(), rows);
        }
        data.added(buf.length());
        return new long[] {data.chunk, data.file};
    }

    private Map<String, VideoSpan> writeVideos(int length, Map<String, EpisodeVideo> videos) throws IOException {
        Map<String, VideoSpan> spans = new LinkedHashMap<>();
        for (VisualFeature v : info.features().videos()) {
            spans.put(v.name(), writeVideo(v.name(), videos.get(v.name()).file()));
        }
        return spans;
    }

    /**
     * LeRobot's rule: the first episode of a session starts the file after the dataset's last one;
     * later episodes are appended to the current file unless its size plus the episode's reaches
     * {@code video_files_size_in_mb}. The span comes from the append itself, exact to the frame.
     */
    private VideoSpan writeVideo(String key, Path episodeFile) throws IOException {
        VideoSpan cur = videoCursor.get(key);
        long[] cf;
        if (cur == null) {
            VideoSpan last = episodes.isEmpty() ? null : episodes.get(episodes.size() - 1).videos().get(key);
            cf = last == null ? new long[] {0, 0}
                    : LeRobotPaths.next(last.chunkIndex(), last.fileIndex(), info.chunksSize());
        } else {
            Path existing = root.resolve(info.videoFile(key, cur.chunkIndex(), cur.fileIndex()));
            double mb = (Files.size(existing) + Files.size(episodeFile)) / MB;
            cf = mb >= info.videoFilesSizeInMb()
                    ? LeRobotPaths.next(cur.chunkIndex(), cur.fileIndex(), info.chunksSize())
                    : new long[] {cur.chunkIndex(), cur.fileIndex()};
        }
        Path target = root.resolve(info.videoFile(key, cf[0], cf[1]));
        VideoFiles.Appended a = videoFiles.append(target, episodeFile);
        Files.deleteIfExists(episodeFile);
        VideoSpan span = new VideoSpan(cf[0], cf[1], a.fromTimestamp(), a.toTimestamp());
        videoCursor.put(key, span);
        return span;
    }

    private void updateVideoInfo(List<Map<String, Object>> probes) {
        List<VisualFeature> vids = info.features().videos();
        if (vids.isEmpty() || vids.stream().allMatch(v -> !v.info().isEmpty())) {
            return;
        }
        List<Feature> out = new ArrayList<>();
        for (Feature f : info.features().all()) {
            int i = vids.indexOf(f);
            out.add(i < 0 || !f.info().isEmpty() ? f
                    : new VisualFeature(f.name(), f.dtype(), vids.get(i).height(), vids.get(i).width(),
                            vids.get(i).channels(), probes.get(i)));
        }
        info = info.withFeatures(FeatureSet.of(out));
    }

    private EpisodeRecord writeEpisodeRow(EpisodeRecord r) throws IOException {
        long[] last = episodes.isEmpty() ? null
                : new long[] {episodes.get(episodes.size() - 1).metaChunkIndex(),
                        episodes.get(episodes.size() - 1).metaFileIndex()};
        Path file = meta.place(root, last, 1, rollMb(), info.chunksSize(),
                LeRobotPaths::episodesFile);
        if (meta.groups == 0) {
            metaTail.clear();
        }
        EpisodeRecord rec = new EpisodeRecord(r.episodeIndex(), r.tasks(), r.length(), r.dataChunkIndex(),
                r.dataFileIndex(), r.datasetFromIndex(), r.datasetToIndex(), r.videos(), r.stats(), meta.chunk,
                meta.file, r.extras());
        TableSchema schema = EpisodesTable.schema(info);
        Map<String, String> footer = EpisodesTable.footer(schema);
        List<EpisodeRecord> one = List.of(rec);
        if (meta.groups == 0) {
            ParquetTables.write(file, schema, footer, 1, EpisodesTable.rows(info, schema, one));
            meta.added(1);
            metaTail.add(rec);
        } else if (metaTail.size() + 1 >= EPISODE_GROUPS_MERGED) {
            List<EpisodeRecord> merged = new ArrayList<>(metaTail);
            merged.add(rec);
            int keep = meta.groups - metaTail.size();
            ParquetTables.append(file, keep, file, schema, footer, merged.size(),
                    EpisodesTable.rows(info, schema, merged));
            meta.merged(keep + 1, 1);
            metaTail.clear();
        } else {
            ParquetTables.append(file, meta.groups, file, schema, footer, 1, EpisodesTable.rows(info, schema, one));
            meta.added(1);
            metaTail.add(rec);
        }
        LOG.debug("saved episode {} ({} frames)", rec.episodeIndex(), rec.length());
        return rec;
    }

    @Override
    public void close() {
        // every episode is complete on disk when appendEpisode returns; nothing is buffered
    }
}
