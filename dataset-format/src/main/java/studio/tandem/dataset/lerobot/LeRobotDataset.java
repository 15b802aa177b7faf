package studio.tandem.dataset.lerobot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.parquet.ColumnData;
import studio.tandem.dataset.parquet.ParquetTableReader;

/**
 * Reads a LeRobot v3.0 dataset (ours or LeRobot's): metadata at open, table rows per episode on
 * demand, and where each episode's frames are in the video files. Opening does not need the MP4s;
 * missing ones are reported by {@link #missingVideoFiles()}. Not thread-safe.
 */
public final class LeRobotDataset {
    private final DatasetMeta meta;

    private LeRobotDataset(DatasetMeta meta) {
        this.meta = meta;
    }

    /** Opens the dataset at {@code root}; unreadable metadata fails naming the file. */
    public static LeRobotDataset open(Path root) throws IOException {
        return new LeRobotDataset(DatasetMeta.load(root));
    }

    public DatasetMeta meta() {
        return meta;
    }

    public DatasetInfo info() {
        return meta.info();
    }

    public Path root() {
        return meta.root();
    }

    public List<EpisodeRecord> episodes() {
        return meta.episodes();
    }

    public List<String> tasks() {
        return meta.tasks();
    }

    public Map<String, FeatureStats> stats() {
        return meta.stats();
    }

    public EpisodeRecord episode(long episodeIndex) {
        for (EpisodeRecord r : meta.episodes()) {
            if (r.episodeIndex() == episodeIndex) {
                return r;
            }
        }
        throw new IllegalArgumentException("no episode " + episodeIndex + " (dataset has "
                + meta.episodes().size() + ")");
    }

    /** The data file holding an episode's rows. */
    public Path dataFile(EpisodeRecord r) {
        return root().resolve(info().dataFile(r.dataChunkIndex(), r.dataFileIndex()));
    }

    /**
     * Reads an episode's rows (every table column), decoding only the row groups whose
     * {@code index} statistics overlap the episode (all of them when a file has no statistics).
     */
    public EpisodeFrames readEpisode(long episodeIndex) throws IOException {
        EpisodeRecord r = episode(episodeIndex);
        ParquetTableReader reader = ParquetTableReader.open(dataFile(r));
        List<String> names = new ArrayList<>();
        for (Feature f : info().features().tabular()) {
            names.add(f.name());
        }
        if (!names.contains("index")) {
            names.add("index");
        }
        boolean[] groups = reader.rowGroupsOverlapping("index", r.datasetFromIndex(), r.datasetToIndex() - 1);
        Map<String, ColumnData> cols = new LinkedHashMap<>(reader.read(names, groups));
        ColumnData index = cols.get("index");
        int first = -1;
        for (int i = 0; i < index.rows(); i++) {
            if (index.longAt(i) == r.datasetFromIndex()) {
                first = i;
                break;
            }
        }
        if (first < 0 || first + r.length() > index.rows()
                || index.longAt(first + (int) r.length() - 1) != r.datasetToIndex() - 1) {
            throw new IOException(reader.file() + ": rows of episode " + episodeIndex + " (index "
                    + r.datasetFromIndex() + ".." + (r.datasetToIndex() - 1) + ") are not there");
        }
        return new EpisodeFrames(episodeIndex, first, (int) r.length(), cols);
    }

    /**
     * Where episode {@code episodeIndex}'s frames of camera {@code videoKey} are.
     *
     * @throws IllegalArgumentException if the key is not a video feature or the episode has no span
     */
    public VideoSegment video(String videoKey, long episodeIndex) {
        EpisodeRecord r = episode(episodeIndex);
        VideoSpan s = r.videos().get(videoKey);
        if (s == null) {
            throw new IllegalArgumentException("episode " + episodeIndex + " has no video '" + videoKey + "'");
        }
        Path file = root().resolve(info().videoFile(videoKey, s.chunkIndex(), s.fileIndex()));
        return new VideoSegment(videoKey, file, s.fromTimestamp(), s.toTimestamp(), info().fps(), Files.isRegularFile(file));
    }

    /** Video files referenced by the episodes that are not on disk, in order. */
    public List<Path> missingVideoFiles() {
        Set<Path> out = new LinkedHashSet<>();
        for (EpisodeRecord r : meta.episodes()) {
            for (VisualFeature v : info().features().videos()) {
                if (r.videos().containsKey(v.name())) {
                    VideoSegment s = video(v.name(), r.episodeIndex());
                    if (!s.exists()) {
                        out.add(s.file());
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * An episode's frames in a video file: frame {@code i} at {@code fromTimestamp + i / fps} seconds.
     */
    public record VideoSegment(String videoKey, Path file, double fromTimestamp, double toTimestamp, int fps,
            boolean exists) {
    }
}
