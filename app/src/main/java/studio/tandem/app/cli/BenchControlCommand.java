package studio.tandem.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.failure.FailureMonitor;
import studio.tandem.autonomy.language.InstructionChannel;
import studio.tandem.autonomy.loop.ControlLoop;
import studio.tandem.autonomy.loop.LoopConfig;
import studio.tandem.autonomy.loop.LoopRunner;
import studio.tandem.autonomy.loop.OperatorPort;
import studio.tandem.autonomy.loop.PeriodStats;
import studio.tandem.autonomy.safety.SafetyFilter;
import studio.tandem.autonomy.station.StationPort;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.recorder.episode.EpisodeInfo;
import studio.tandem.recorder.episode.EpisodeSummary;
import java.util.concurrent.TimeUnit;
import studio.tandem.dataset.video.VideoSettings;
import studio.tandem.teleop.sim.SimConfig;
import studio.tandem.teleop.station.SimulatedStation;

/**
 * {@code tandem bench control}: the control loop at a fixed rate against the simulated station
 * (physics on its own thread); with {@code --record}, the real {@link studio.tandem.recorder.episode.Recorder}
 * records an episode meanwhile: three 640×480 cameras encoded live at 30 fps and the loop's ticks
 * ({@link LoopRecordStation}). The loop thread asks for real-time OS scheduling (reported as
 * {@code loop_scheduling}), parks until 100 µs before
 * each deadline and spins the rest, allocates nothing and shares no lock with the recorder. The
 * last line is JSON with the period-error percentiles and the load average.
 */
@Command(name = "control", mixinStandardHelpOptions = true,
        description = "Control-loop period error at a fixed rate; the last line is JSON.")
final class BenchControlCommand implements Callable<Integer> {
    @Option(names = "--rate", defaultValue = "500", description = "loop rate, Hz (1..1000)")
    double rate;

    @Option(names = "--seconds", defaultValue = "20")
    double seconds;

    @Option(names = "--record", description = "record an episode meanwhile through the recorder: three 640x480 cameras at 30 fps and every tick")
    boolean record;

    @Option(names = "--no-realtime", description = "leave the loop thread at normal OS scheduling "
            + "(by default it asks for SCHED_FIFO, else nice -10; needs root or CAP_SYS_NICE)")
    boolean noRealtime;

    @Spec
    CommandSpec spec;

    /** The loop thread parks until this long before each deadline, then spins (ns). */
    private static final long SPIN_NANOS = 100_000L;

    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0)) {
            throw new UserError("--seconds must be > 0, was " + seconds);
        }
        PrintWriter err = spec.commandLine().getErr();
        try (SimulatedStation sim = SimulatedStation.create(SimConfig.defaults(1), NanoClock.SYSTEM, true)) {
            sim.station().connect();
            sim.station().activate();
            StationPort port = new StationPort(sim.arm(), sim.hand());
            SafetyFilter safety = new SafetyFilter(port.safetyLimits(40, 400), port.layout().armDof(),
                    port.workspace(new double[] {-1.2, -1.2, -0.005}, new double[] {1.2, 1.2, 1.5}));
            LoopConfig cfg = LoopConfig.defaults(port.layout()).withRate(rate);
            ControlLoop loop = new ControlLoop(cfg, NanoClock.SYSTEM, port, OperatorPort.NONE, null, safety,
                    FailureMonitor.disabled(), new InstructionChannel("hold"), Mode.TELEOP);
            Path dir = record ? Files.createTempDirectory("tandem-bench-control") : null;
            LoopRecordStation station = record ? new LoopRecordStation(loop.ticks(), NanoClock.SYSTEM) : null;
            try (RecordingSession session = record ? new RecordingSession(dir.resolve("dataset"), 30, station,
                    VideoSettings.live(), spec.commandLine().getOut(), err) : null) {
                run(loop, session, station, err);
            } finally {
                if (dir != null) {
                    deleteTree(dir);
                }
            }
        }
        return 0;
    }

    /** Stolen CPU seconds while the loop ran (see {@link #stealSeconds}). */
    private double stealS = Double.NaN;

    private void run(ControlLoop loop, RecordingSession session, LoopRecordStation station, PrintWriter err)
            throws Exception {
        if (session != null) {
            session.open();
            session.recorder().start(new EpisodeInfo(station.beginEpisode(1, null), "bench", null));
        }
        try (LoopRunner runner = new LoopRunner(loop, NanoClock.SYSTEM, SPIN_NANOS)) {
            if (!noRealtime) {
                runner.requestRealtime();
            }
            double steal0 = stealSeconds();
            runner.start();
            err.printf(Locale.ROOT, "running the loop at %.0f Hz for %.0f s%s…%n", rate, seconds,
                    session != null ? " while the recorder records three 640x480 cameras" : "");
            err.flush();
            Thread.sleep((long) (seconds * 1000));
            runner.close();
            stealS = stealSeconds() - steal0;
            err.println("loop thread scheduling: " + runner.scheduling());
            EpisodeSummary saved = session == null ? null : session.recorder().stop().get(60, TimeUnit.SECONDS);
            report(loop, runner, station, saved);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void report(ControlLoop loop, LoopRunner runner, LoopRecordStation station, EpisodeSummary saved) {
        PeriodStats s = loop.periodStats();
        String extra = saved == null ? "" : String.format(Locale.ROOT, ",\"recorded_rows\":%d,\"recorded_s\":%.2f,"
                + "\"frames_dropped\":%d,\"save_latency_s\":%.3f,\"ticks_recorded\":%d,\"ticks_lost\":%d,"
                + "\"ticks_refused\":%d", saved.rows(), saved.seconds(), saved.totalDropped(), saved.saveLatencyS(),
                station.forwarded(), station.lost(), station.rejected());
        if (saved != null) {
            spec.commandLine().getErr().println(RecordingSession.summary(saved));
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "%d ticks, %d late, %d skipped, %d overruns, max error %.3f ms%n",
                s.count(), s.lateTicks(), runner.skippedTicks(), loop.watchdog().overruns(), s.maxMillis());
        double[] load = loadAverage();
        spec.commandLine().getOut().printf(Locale.ROOT, "{\"bench\":\"control\",\"rate_hz\":%.0f,\"ticks\":%d,"
                + "\"p50_period_error_ms\":%.4f,\"p99_period_error_ms\":%.4f,\"p999_period_error_ms\":%.4f,"
                + "\"max_period_error_ms\":%.4f,\"skipped_ticks\":%d,\"overruns\":%d,\"record\":%b,"
                + "\"load_average_1m\":%.2f,\"load_average_5m\":%.2f,\"load_average_15m\":%.2f,\"cpus\":%d,"
                + "\"loop_scheduling\":\"%s\",\"cpu_steal_s\":%s%s}%n",
                rate, s.count(), s.percentileMillis(0.5), s.percentileMillis(0.99), s.percentileMillis(0.999),
                s.maxMillis(), runner.skippedTicks(), loop.watchdog().overruns(), saved != null, load[0], load[1],
                load[2], Runtime.getRuntime().availableProcessors(), schedulingName(runner),
                Double.isNaN(stealS) ? "null" : String.format(Locale.ROOT, "%.2f", stealS), extra);
        spec.commandLine().getOut().flush();
    }

    private static String schedulingName(LoopRunner runner) {
        var s = runner.scheduling();
        return s == null ? "unknown" : s.raised() ? s.policy() + " " + s.level() : "normal";
    }

    /**
     * CPU time the hypervisor took from this machine's virtual CPUs so far (all CPUs, seconds; the
     * {@code steal} column of /proc/stat at 100 ticks/s), NaN where unknown. Stolen time stalls every
     * thread whatever its priority, so the loop's tail follows it on a virtual machine.
     */
    static double stealSeconds() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (line.startsWith("cpu ")) {
                    String[] f = line.trim().split("\\s+");
                    return f.length > 8 ? Long.parseLong(f[8]) / 100.0 : Double.NaN;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** 1, 5 and 15 minute load averages from /proc/loadavg (the JVM's 1 m value elsewhere; NaN if unknown). */
    static double[] loadAverage() {
        double[] out = {Double.NaN, Double.NaN, Double.NaN};
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            for (int i = 0; i < 3; i++) {
                out[i] = Double.parseDouble(f[i]);
            }
        } catch (java.io.IOException | RuntimeException e) {
            out[0] = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
        return out;
    }
}
