package studio.tandem.dataset.lerobot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything under {@code meta/}: info, tasks, every episode record (all episodes files, in
 * chunk/file order) and stats. Loaded in full; immutable once loaded.
 */
public record DatasetMeta(Path root, DatasetInfo info, List<String> tasks, List<EpisodeRecord> episodes,
        Map<String, FeatureStats> stats) {

    public DatasetMeta {
        tasks = List.copyOf(tasks);
        episodes = List.copyOf(episodes);
    }

    /** Loads the metadata of the dataset at {@code root}; any unreadable file fails naming it. */
    public static DatasetMeta load(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": not a dataset directory");
        }
        DatasetInfo info = InfoJson.read(root.resolve(LeRobotPaths.INFO));
        List<String> tasks = info.totalTasks() > 0 || Files.exists(root.resolve(LeRobotPaths.TASKS))
                ? TasksTable.read(root.resolve(LeRobotPaths.TASKS)) : List.of();
        List<EpisodeRecord> episodes = new ArrayList<>();
        for (Path f : episodeFiles(root)) {
            episodes.addAll(EpisodesTable.read(f, info));
        }
        episodes.sort((a, b) -> Long.compare(a.episodeIndex(), b.episodeIndex()));
        Path statsFile = root.resolve(LeRobotPaths.STATS);
        Map<String, FeatureStats> stats = Files.exists(statsFile) ? StatsJson.read(statsFile) : Map.of();
        return new DatasetMeta(root, info, tasks, episodes, stats);
    }

    /** Every {@code meta/episodes/chunk-*}/{@code file-*.parquet}, sorted. */
    public static List<Path> episodeFiles(Path root) throws IOException {
        Path dir = root.resolve("meta/episodes");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir, 2)) {
            return s.filter(p -> p.getFileName().toString().matches("file-\\d+\\.parquet")
                    && p.getParent().getFileName().toString().matches("chunk-\\d+")).sorted().toList();
        }
    }
}
