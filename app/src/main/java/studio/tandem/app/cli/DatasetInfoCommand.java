package studio.tandem.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.lerobot.DatasetInfo;
import studio.tandem.dataset.lerobot.EpisodeRecord;
import studio.tandem.dataset.lerobot.LeRobotDataset;
import studio.tandem.dataset.parquet.ParquetTableReader;

/** {@code tandem dataset info DIR}: a human summary of a dataset. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Summarize a LeRobot v3.0 dataset.")
final class DatasetInfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LeRobotDataset ds = LeRobotDataset.open(dir);
        DatasetInfo i = ds.info();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("dataset   %s (LeRobot %s, robot %s)%n", dir, i.codebaseVersion(), i.robotType());
        out.printf("fps       %d%n", i.fps());
        out.printf("episodes  %d%nframes    %d (%.1f s)%n", i.totalEpisodes(), i.totalFrames(),
                i.totalFrames() / (double) i.fps());
        out.printf("tasks     %d%n", i.totalTasks());
        ds.tasks().forEach(t -> out.println("          - " + t));
        out.println("features");
        for (Feature f : i.features().all()) {
            if (!(f instanceof VisualFeature)) {
                out.printf("          %-28s %-8s %s%s%n", f.name(), f.dtype().jsonName(),
                        java.util.Arrays.toString(f.shape()), f.names() == null ? "" : " " + f.names());
            }
        }
        out.println("cameras");
        for (VisualFeature v : i.features().videos()) {
            out.printf("          %-28s %dx%d %s %s @ %s fps%n", v.name(), v.width(), v.height(),
                    v.info().getOrDefault("video.codec", "?"), v.info().getOrDefault("video.pix_fmt", "?"),
                    v.info().getOrDefault("video.fps", i.fps()));
        }
        out.println("episodes");
        for (EpisodeRecord r : ds.episodes()) {
            out.printf("          %-4d %6d frames %7.2f s  %s%n", r.episodeIndex(), r.length(),
                    r.length() / (double) i.fps(), String.join(" | ", r.tasks()));
        }
        java.util.Set<Path> dataFiles = new java.util.TreeSet<>();
        for (EpisodeRecord r : ds.episodes()) {
            dataFiles.add(ds.dataFile(r));
        }
        long rows = 0;
        for (Path f : dataFiles) {
            rows += ParquetTableReader.open(f).rowCount();
        }
        out.printf("data      %d file(s), %d rows%n", dataFiles.size(), rows);
        out.printf("size      %.2f MB%n", size(dir) / 1e6);
        int missing = ds.missingVideoFiles().size();
        if (missing > 0) {
            out.printf("missing   %d video file(s)%n", missing);
        }
        return 0;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
