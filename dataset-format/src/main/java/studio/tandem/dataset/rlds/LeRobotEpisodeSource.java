package studio.tandem.dataset.rlds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.TextFeature;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.lerobot.DatasetInfo;
import studio.tandem.dataset.lerobot.EpisodeRecord;
import studio.tandem.dataset.lerobot.EpisodesTable;
import studio.tandem.dataset.lerobot.InfoJson;
import studio.tandem.dataset.lerobot.LeRobotPaths;
import studio.tandem.dataset.lerobot.TasksTable;

/**
 * A LeRobot v3.0 dataset as an {@link EpisodeSource}: state = {@code observation.state}, action =
 * {@code action}, cameras = every video feature, extras = {@code intervention}, {@code authority.*}
 * and {@code language_correction} when present. Reads the metadata on open; each episode's rows
 * when the episode is opened (one data file cached at a time). Exporter thread only.
 */
public final class LeRobotEpisodeSource implements EpisodeSource {
    private final Path root;
    private final DatasetInfo info;
    private final List<String> tasks;
    private final List<EpisodeRecord> episodes;
    private final VectorFeature state;
    private final VectorFeature action;
    private final List<VisualFeature> cameras;
    private final List<Feature> extras;
    private final DataFileCache data;

    private LeRobotEpisodeSource(Path root, DatasetInfo info, List<String> tasks, List<EpisodeRecord> episodes)
            throws IOException {
        this.root = root;
        this.info = info;
        this.tasks = tasks;
        this.episodes = episodes;
        this.state = vector(info, "observation.state");
        this.action = vector(info, "action");
        this.cameras = info.features().visual();
        this.extras = new ArrayList<>();
        for (Feature f : info.features().tabular()) {
            if (ExtraFields.isExtra(f.name()) && (f instanceof VectorFeature || f instanceof TextFeature)) {
                extras.add(f);
            }
        }
        this.data = new DataFileCache(root);
    }

    /**
     * Opens the dataset at {@code root}.
     *
     * @throws IOException naming the file when metadata is missing or unreadable
     */
    public static LeRobotEpisodeSource open(Path root) throws IOException {
        Path infoFile = root.resolve(LeRobotPaths.INFO);
        if (!Files.isRegularFile(infoFile)) {
            throw new NoSuchFileException(infoFile + ": missing; not a LeRobot v3.0 dataset");
        }
        DatasetInfo info = InfoJson.read(infoFile);
        List<String> tasks = TasksTable.read(root.resolve(LeRobotPaths.TASKS));
        List<EpisodeRecord> eps = new ArrayList<>();
        for (Path f : episodeFiles(root)) {
            eps.addAll(EpisodesTable.read(f, info));
        }
        eps.sort(Comparator.comparingLong(EpisodeRecord::episodeIndex));
        return new LeRobotEpisodeSource(root, info, tasks, eps);
    }

    private static List<Path> episodeFiles(Path root) throws IOException {
        Path dir = root.resolve("meta/episodes");
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir + ": missing; the dataset has no episodes table");
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
    }

    private static VectorFeature vector(DatasetInfo info, String name) throws IOException {
        if (info.features().get(name).orElse(null) instanceof VectorFeature v) {
            return v;
        }
        throw new IOException(LeRobotPaths.INFO + ": no numeric vector feature '" + name + "' to export");
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public VectorFeature state() {
        return state;
    }

    @Override
    public VectorFeature action() {
        return action;
    }

    @Override
    public List<VisualFeature> cameras() {
        return cameras;
    }

    @Override
    public List<Feature> extras() {
        return List.copyOf(extras);
    }

    @Override
    public int episodeCount() {
        return episodes.size();
    }

    @Override
    public SourceEpisode episode(int i) throws IOException {
        EpisodeRecord rec = episodes.get(i);
        String rel = LeRobotPaths.format(info.dataPath(), null, rec.dataChunkIndex(), rec.dataFileIndex());
        return new LeRobotEpisode(root, info, tasks, rec, rel, data.rows(rel, rec));
    }

    @Override
    public void close() {
        data.clear();
    }
}
