package studio.tandem.dataset.lerobot;

import java.util.List;
import java.util.Map;
import studio.tandem.dataset.feature.DType;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.dataset.feature.VectorFeature;

/**
 * The content of {@code meta/info.json}. {@code features} holds every feature including LeRobot's
 * five index features ({@link #DEFAULT_FEATURES}), in info.json order. Immutable.
 */
public record DatasetInfo(String codebaseVersion, String robotType, long totalEpisodes, long totalFrames,
        long totalTasks, int chunksSize, int dataFilesSizeInMb, int videoFilesSizeInMb, int fps,
        Map<String, String> splits, String dataPath, String videoPath, FeatureSet features) {

    public static final String CODEBASE_VERSION = "v3.0";
    public static final String DATA_PATH = "data/chunk-{chunk_index:03d}/file-{file_index:03d}.parquet";
    public static final String VIDEO_PATH = "videos/{video_key}/chunk-{chunk_index:03d}/file-{file_index:03d}.mp4";
    public static final int CHUNKS_SIZE = 1000;
    public static final int DATA_FILES_SIZE_IN_MB = 100;
    public static final int VIDEO_FILES_SIZE_IN_MB = 200;

    /** LeRobot's index features, appended to every dataset's features. */
    public static final List<Feature> DEFAULT_FEATURES = List.of(
            VectorFeature.scalar("timestamp", DType.FLOAT32),
            VectorFeature.scalar("frame_index", DType.INT64),
            VectorFeature.scalar("episode_index", DType.INT64),
            VectorFeature.scalar("index", DType.INT64),
            VectorFeature.scalar("task_index", DType.INT64));

    public DatasetInfo {
        splits = Map.copyOf(splits);
    }

    /** A new, empty dataset's info: the given features plus the index features. */
    public static DatasetInfo create(int fps, FeatureSet userFeatures, String robotType) {
        if (fps < 1) {
            throw new IllegalArgumentException("fps must be >= 1, was " + fps);
        }
        FeatureSet all = withDefaults(userFeatures);
        String videoPath = all.videos().isEmpty() ? null : VIDEO_PATH;
        return new DatasetInfo(CODEBASE_VERSION, robotType, 0, 0, 0, CHUNKS_SIZE, DATA_FILES_SIZE_IN_MB,
                VIDEO_FILES_SIZE_IN_MB, fps, Map.of(), DATA_PATH, videoPath, all);
    }

    /** Appends the index features unless already declared (then they must be identical). */
    static FeatureSet withDefaults(FeatureSet user) {
        FeatureSet all = user;
        for (Feature d : DEFAULT_FEATURES) {
            var mine = user.get(d.name());
            if (mine.isEmpty()) {
                all = all.plus(d);
            } else if (!mine.get().equals(d)) {
                throw new IllegalArgumentException("feature '" + d.name() + "' is reserved by LeRobot as "
                        + d.dtype().jsonName() + " shape [1]");
            }
        }
        return all;
    }

    /** Features other than the five index features, in order. */
    public List<Feature> userFeatures() {
        return features.all().stream().filter(f -> !isDefault(f.name())).toList();
    }

    public static boolean isDefault(String name) {
        return DEFAULT_FEATURES.stream().anyMatch(f -> f.name().equals(name));
    }

    public DatasetInfo withTotals(long episodes, long frames, long tasks) {
        return new DatasetInfo(codebaseVersion, robotType, episodes, frames, tasks, chunksSize, dataFilesSizeInMb,
                videoFilesSizeInMb, fps, Map.of("train", "0:" + episodes), dataPath, videoPath, features);
    }

    public DatasetInfo withFeatures(FeatureSet f) {
        return new DatasetInfo(codebaseVersion, robotType, totalEpisodes, totalFrames, totalTasks, chunksSize,
                dataFilesSizeInMb, videoFilesSizeInMb, fps, splits, dataPath, videoPath, f);
    }

    public DatasetInfo withFileSizes(int dataMb, int videoMb) {
        return new DatasetInfo(codebaseVersion, robotType, totalEpisodes, totalFrames, totalTasks, chunksSize,
                dataMb, videoMb, fps, splits, dataPath, videoPath, features);
    }

    /** Relative data file path for a chunk and file index. */
    public String dataFile(long chunk, long file) {
        return LeRobotPaths.format(dataPath, null, chunk, file);
    }

    /** Relative video file path for a camera key, chunk and file index. */
    public String videoFile(String videoKey, long chunk, long file) {
        return LeRobotPaths.format(videoPath == null ? VIDEO_PATH : videoPath, videoKey, chunk, file);
    }
}
