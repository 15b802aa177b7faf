package studio.tandem.dataset.lerobot;

import java.util.Locale;

/** Path templates and chunk/file numbering of a LeRobot v3.0 dataset. Stateless. */
public final class LeRobotPaths {
    public static final String INFO = "meta/info.json";
    public static final String STATS = "meta/stats.json";
    public static final String TASKS = "meta/tasks.parquet";
    public static final String EPISODES = "meta/episodes/chunk-{chunk_index:03d}/file-{file_index:03d}.parquet";

    private LeRobotPaths() {
    }

    /** Expands LeRobot's {@code {chunk_index:03d}}, {@code {file_index:03d}} and {@code {video_key}}. */
    public static String format(String template, String videoKey, long chunk, long file) {
        String s = template.replace("{chunk_index:03d}", String.format(Locale.ROOT, "%03d", chunk))
                .replace("{file_index:03d}", String.format(Locale.ROOT, "%03d", file));
        return videoKey == null ? s : s.replace("{video_key}", videoKey);
    }

    public static String episodesFile(long chunk, long file) {
        return format(EPISODES, null, chunk, file);
    }

    /** LeRobot's {@code update_chunk_file_indices}: the next file, rolling into a new chunk. */
    public static long[] next(long chunk, long file, int chunksSize) {
        return file + 1 >= chunksSize ? new long[] {chunk + 1, 0} : new long[] {chunk, file + 1};
    }
}
