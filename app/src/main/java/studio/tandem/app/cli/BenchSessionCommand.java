package studio.tandem.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import studio.tandem.app.studio.session.EpisodeHold;
import studio.tandem.app.studio.session.SessionSettings;
import studio.tandem.app.studio.session.StationSession;
import studio.tandem.dataset.lerobot.DatasetValidator;
import studio.tandem.dataset.lerobot.FfmpegVideoFiles;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.recorder.episode.EpisodeInfo;
import studio.tandem.recorder.episode.EpisodeSummary;

/**
 * {@code tandem bench session}: a day at the studio in minutes. The studio's own session (simulated
 * station, its two cameras, the 200 Hz loop, the recorder, stop-then-decide) records episode after
 * episode into one dataset, each decided a success as the operator would. Reports how long each
 * decision takes to reach the disk, whether the live heap and the process grow with the episode
 * count (over the second half, after warm-up), what was dropped, and whether the dataset validates.
 * The last line is JSON.
 */
@Command(name = "session", mixinStandardHelpOptions = true,
        description = "The studio's session records many episodes in a row: save latency, memory growth, "
                + "drops; the last line is JSON.")
final class BenchSessionCommand implements Callable<Integer> {
    @Option(names = "--episodes", defaultValue = "30", description = "episodes to record (2..10000)")
    int episodes;

    @Option(names = "--seconds", defaultValue = "10", description = "length of each episode (0.5..600 s)")
    double seconds;

    @Option(names = "--out", description = "dataset directory (must not exist; default: a temporary one, deleted)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (episodes < 2 || episodes > 10_000) {
            throw new UserError("--episodes must be 2..10000, was " + episodes);
        }
        if (!(seconds >= 0.5 && seconds <= 600)) {
            throw new UserError("--seconds must be 0.5..600, was " + seconds);
        }
        if (out != null && Files.exists(out)) {
            throw new UserError(out + ": already exists; give a new directory");
        }
        Path dir = out != null ? out : Files.createTempDirectory("tandem-bench-session");
        PrintWriter err = spec.commandLine().getErr();
        try {
            Result r = run(dir.resolve(out != null ? "." : "dataset").normalize(), err);
            spec.commandLine().getOut().println(r.json(episodes, seconds));
            spec.commandLine().getOut().flush();
            return r.problems.isEmpty() ? 0 : 1;
        } finally {
            if (out == null) {
                deleteTree(dir);
            }
        }
    }

    /** Memory after the first episode, at half time and at the end; growth is judged over the second half. */
    private record Result(double[] latencies, double heapFirst, double heapMid, double heapLast, double rssFirst,
            double rssMid, double rssLast, double rssMax, double heapCommitted, long framesDropped,
            long ticksDropped, long rows, List<String> problems, double loadAverage) {

        String json(int episodes, double seconds) {
            double[] l = latencies.clone();
            Arrays.sort(l);
            int n = episodes - episodes / 2;
            return String.format(Locale.ROOT, "{\"bench\":\"session\",\"episodes\":%d,\"seconds_each\":%.1f,"
                    + "\"rows\":%d,\"save_latency_s_p50\":%.3f,\"save_latency_s_p99\":%.3f,\"save_latency_s_max\":%.3f,"
                    + "\"heap_live_mb_after_first\":%.1f,\"heap_live_mb_half\":%.1f,\"heap_live_mb_end\":%.1f,"
                    + "\"heap_growth_kb_per_episode\":%.1f,"
                    + "\"rss_mb_after_first\":%.1f,\"rss_mb_half\":%.1f,\"rss_mb_end\":%.1f,\"rss_mb_max\":%.1f,"
                    + "\"rss_growth_kb_per_episode\":%.1f,\"heap_committed_mb_end\":%.1f,"
                    + "\"frames_dropped\":%d,\"ticks_dropped\":%d,"
                    + "\"dataset_valid\":%b,\"load_avg_1m\":%.2f}",
                    episodes, seconds, rows, l[l.length / 2], l[Math.min(l.length - 1, (int) Math.ceil(l.length * 0.99) - 1)],
                    l[l.length - 1], heapFirst, heapMid, heapLast, (heapLast - heapMid) * 1024 / n, rssFirst, rssMid,
                    rssLast, rssMax, (rssLast - rssMid) * 1024 / n, heapCommitted, framesDropped, ticksDropped, problems.isEmpty(),
                    loadAverage);
        }
    }

    private Result run(Path dataset, PrintWriter err) throws Exception {
        double[] latencies = new double[episodes];
        double heapFirst = 0;
        double rssFirst = 0;
        double heapMid = 0;
        double rssMid = 0;
        double rssMax = 0;
        long rows = 0;
        err.println("starting the studio session on the simulated station…");
        err.flush();
        try (StationSession s = StationSession.start(SessionSettings.defaults(dataset), NanoClock.SYSTEM)) {
            if (!s.cameraProblem().isEmpty()) {
                err.println("  without cameras: " + s.cameraProblem());
            }
            for (int e = 0; e < episodes; e++) {
                s.recorder().start(new EpisodeInfo("pick up the red cube", "bench", ""));
                Thread.sleep(Math.round(seconds * 1000));
                EpisodeHold.Ticket ticket = s.hold().expect();
                long stopped = System.nanoTime();
                var saved = s.recorder().stop();
                ticket.decide(EpisodeHold.Decision.SUCCESS);
                EpisodeSummary sum = saved.get(120, TimeUnit.SECONDS);
                latencies[e] = (System.nanoTime() - stopped) / 1e9;
                rows += sum.rows();
                double rss = ProcessMemory.rssMb();
                rssMax = Math.max(rssMax, rss);
                if (e == 0) {
                    heapFirst = ProcessMemory.heapAfterGcMb();
                    rssFirst = ProcessMemory.rssMb();
                }
                if (e == episodes / 2 - 1) {
                    heapMid = ProcessMemory.heapAfterGcMb();
                    rssMid = ProcessMemory.rssMb();
                }
                err.printf(Locale.ROOT, "episode %d/%d  %d rows  saved %.2f s after the decision  rss %.0f MB%n",
                        e + 1, episodes, sum.rows(), latencies[e], rss);
                err.flush();
            }
            double heapLast = ProcessMemory.heapAfterGcMb();
            double rssLast = ProcessMemory.rssMb();
            long frames = s.framesDropped();
            long ticks = s.ticksDropped();
            List<String> problems = DatasetValidator.validate(dataset, new FfmpegVideoFiles());
            problems.forEach(p -> err.println("  invalid: " + p));
            return new Result(latencies, heapFirst, heapMid, heapLast, rssFirst, rssMid, rssLast,
                    Math.max(rssMax, rssLast), ProcessMemory.heapCommittedMb(), frames, ticks, rows, problems, java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
