package studio.tandem.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import studio.tandem.dataset.feature.DType;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.lerobot.EpisodeBuffer;
import studio.tandem.dataset.lerobot.EpisodeExtras;
import studio.tandem.dataset.lerobot.EpisodeFrames;
import studio.tandem.dataset.lerobot.LeRobotDataset;
import studio.tandem.dataset.lerobot.LeRobotWriter;

/** {@code tandem bench dataset}: table write and read throughput, and per-episode save latency. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Write and read LeRobot tables (60 s episodes at 30 fps); last line is JSON.")
final class BenchDatasetCommand implements Callable<Integer> {
    @Option(names = "--episodes", defaultValue = "20")
    int episodes;

    @Option(names = "--frames", defaultValue = "1800", description = "frames per episode (default 60 s at 30 fps)")
    int frames;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Path root = Files.createTempDirectory("tandem-bench-dataset");
        try {
            FeatureSet fs = FeatureSet.of(VectorFeature.float32("observation.state", names(14)),
                    VectorFeature.float32("action", names(14)), VectorFeature.float32("observation.tactile", names(32)),
                    VectorFeature.scalar("intervention", DType.BOOL));
            long[] saveNanos = new long[episodes];
            long t0 = System.nanoTime();
            try (LeRobotWriter w = LeRobotWriter.create(root.resolve("ds"), 30, fs, "bench", null)) {
                EpisodeBuffer buf = new EpisodeBuffer(fs, frames);
                for (int e = 0; e < episodes; e++) {
                    fill(buf, e);
                    long s = System.nanoTime();
                    w.appendEpisode(buf, Map.of(), EpisodeExtras.NONE);
                    saveNanos[e] = System.nanoTime() - s;
                    err.printf("write %d/%d: %.0f ms%n", e + 1, episodes, saveNanos[e] / 1e6);
                    err.flush();
                }
            }
            double writeS = (System.nanoTime() - t0) / 1e9;
            long bytes = size(root);
            long r0 = System.nanoTime();
            LeRobotDataset ds = LeRobotDataset.open(root.resolve("ds"));
            long rows = 0;
            for (int e = 0; e < episodes; e++) {
                EpisodeFrames f = ds.readEpisode(e);
                rows += f.floats("observation.state").length / 14;
            }
            double readS = (System.nanoTime() - r0) / 1e9;
            report(spec.commandLine().getOut(), saveNanos, (long) episodes * frames, writeS, rows, readS, bytes);
            return 0;
        } finally {
            delete(root);
        }
    }

    private void fill(EpisodeBuffer buf, int e) {
        buf.clear();
        float[] s = buf.floats("observation.state");
        float[] a = buf.floats("action");
        float[] t = buf.floats("observation.tactile");
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) Math.sin(i * 0.01 + e);
            a[i] = s[i] * 0.9f;
        }
        for (int i = 0; i < t.length; i++) {
            t[i] = (i * 31 % 97) / 97f;
        }
        buf.setTaskForAll("bench task " + (e % 3));
        buf.setLength(frames);
    }

    private static void report(PrintWriter out, long[] save, long rowsW, double writeS, long rowsR, double readS,
            long bytes) {
        long[] sorted = save.clone();
        Arrays.sort(sorted);
        double p50 = sorted[sorted.length / 2] / 1e6;
        double max = sorted[sorted.length - 1] / 1e6;
        double mb = bytes / 1e6;
        out.printf(Locale.ROOT, "wrote %d rows in %.2f s (%.0f rows/s, %.1f MB/s); read %d rows in %.2f s "
                + "(%.0f rows/s); save per episode p50 %.0f ms, max %.0f ms%n", rowsW, writeS, rowsW / writeS,
                mb / writeS, rowsR, readS, rowsR / readS, p50, max);
        out.printf(Locale.ROOT, "{\"bench\":\"dataset\",\"rows_written\":%d,\"write_rows_per_s\":%.0f,"
                + "\"write_mb_per_s\":%.2f,\"rows_read\":%d,\"read_rows_per_s\":%.0f,\"read_mb_per_s\":%.2f,"
                + "\"save_episode_ms_p50\":%.1f,\"save_episode_ms_max\":%.1f,\"dataset_mb\":%.2f}%n", rowsW,
                rowsW / writeS, mb / writeS, rowsR, rowsR / readS, mb / readS, p50, max, mb);
        out.flush();
    }

    private static java.util.List<String> names(int n) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = "v" + i;
        }
        return java.util.List.of(s);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
