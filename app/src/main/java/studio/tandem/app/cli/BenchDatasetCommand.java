package studio.tandem.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tandem bench dataset}: per-episode save latency (episode stop → readable), table write and
 * read throughput. Camera MP4s are encoded once before timing (live recording encodes while the
 * episode runs, so encoding is not part of the save).
 */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Save 60 s episodes (60 float columns, cameras) into a LeRobot dataset whose data file "
                + "is pre-filled, then read them back; last line is JSON.")
final class BenchDatasetCommand implements Callable<Integer> {
    @Option(names = "--episodes", defaultValue = "20", description = "timed episodes (default ${DEFAULT-VALUE})")
    int episodes;

    @Option(names = "--frames", defaultValue = "1800", description = "frames per episode (default 60 s at 30 fps)")
    int frames;

    @Option(names = "--cameras", defaultValue = "3", description = "cameras per episode (default ${DEFAULT-VALUE})")
    int cameras;

    @Option(names = "--size", defaultValue = "640x480", description = "camera frame size (default ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--prefill-mb", defaultValue = "50",
            description = "MB of rows in the current data file before the timed episodes (default ${DEFAULT-VALUE})")
    int prefillMb;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int[] wh = parseSize(size);
        if (episodes < 1 || frames < 1 || cameras < 0 || prefillMb < 0) {
            throw new UserError("bench dataset: --episodes and --frames must be >= 1, --cameras and "
                    + "--prefill-mb >= 0");
        }
        PrintWriter err = spec.commandLine().getErr();
        Path root = Files.createTempDirectory("tandem-bench-dataset");
        try {
            DatasetSaveBench bench = new DatasetSaveBench(root, frames, cameras, wh[0], wh[1], err);
            bench.prefill(prefillMb);
            DatasetSaveBench.Result r = bench.run(episodes);
            report(spec.commandLine().getOut(), r);
            return 0;
        } finally {
            delete(root);
        }
    }

    private static int[] parseSize(String s) {
        String[] p = s.toLowerCase(Locale.ROOT).split("x");
        try {
            int[] wh = {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
            if (p.length == 2 && wh[0] >= 64 && wh[1] >= 80 && wh[0] % 2 == 0 && wh[1] % 2 == 0) {
                return wh;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new UserError("bench dataset: --size '" + s + "' must be WIDTHxHEIGHT, even, at least 64x80");
    }

    private void report(PrintWriter out, DatasetSaveBench.Result r) {
        long[] sorted = r.saveNanos().clone();
        Arrays.sort(sorted);
        double p50 = percentile(sorted, 0.50) / 1e6;
        double p99 = percentile(sorted, 0.99) / 1e6;
        long[] cpu = r.saveCpuNanos().clone();
        Arrays.sort(cpu);
        double cpu50 = percentile(cpu, 0.50) / 1e6;
        double cpu99 = percentile(cpu, 0.99) / 1e6;
        double tableMb = r.tableBytes() / 1e6;
        out.printf(Locale.ROOT, "saved %d episodes of %d frames with %d camera(s) onto a %d MB data file: "
                + "save p50 %.0f ms, p99 %.0f ms, max %.0f ms (saving thread's CPU: p50 %.0f ms, p99 %.0f ms)%n",
                sorted.length, frames, cameras, prefillMb, p50, p99, sorted[sorted.length - 1] / 1e6, cpu50, cpu99);
        out.printf(Locale.ROOT, "tables: wrote %d rows in %.2f s (%.0f rows/s, %.1f MB/s); read %d rows in %.2f s "
                + "(%.0f rows/s, %.1f MB/s)%n", r.rowsWritten(), r.writeSeconds(), r.rowsWritten() / r.writeSeconds(),
                tableMb / r.writeSeconds(), r.rowsRead(), r.readSeconds(), r.rowsRead() / r.readSeconds(),
                r.readBytes() / 1e6 / r.readSeconds());
        out.printf(Locale.ROOT, "{\"bench\":\"dataset\",\"episodes\":%d,\"frames_per_episode\":%d,\"cameras\":%d,"
                + "\"prefill_mb\":%d,\"save_p50_ms\":%.1f,\"save_p99_ms\":%.1f,\"save_max_ms\":%.1f,"
                + "\"save_cpu_p50_ms\":%.1f,\"save_cpu_p99_ms\":%.1f,"
                + "\"rows_per_s_write\":%.0f,\"rows_per_s_read\":%.0f,\"mb_per_s_write\":%.2f,\"mb_per_s_read\":%.2f,"
                + "\"data_files\":%d,\"dataset_mb\":%.2f}%n", sorted.length, frames, cameras, prefillMb, p50, p99,
                sorted[sorted.length - 1] / 1e6, cpu50, cpu99, r.rowsWritten() / r.writeSeconds(), r.rowsRead() / r.readSeconds(),
                tableMb / r.writeSeconds(), r.readBytes() / 1e6 / r.readSeconds(), r.dataFiles(), r.datasetBytes() / 1e6);
        out.flush();
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
