package studio.tandem.app.cli;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
import studio.tandem.autonomy.loop.TickData;
import studio.tandem.autonomy.loop.TickRing;
import studio.tandem.autonomy.safety.SafetyFilter;
import studio.tandem.autonomy.station.StationPort;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.dataset.video.VideoEncoder;
import studio.tandem.dataset.video.VideoSettings;
import studio.tandem.teleop.sim.SimConfig;
import studio.tandem.teleop.station.SimulatedStation;

/**
 * {@code tandem bench control}: the control loop at a fixed rate against the simulated station
 * (physics on its own thread); with {@code --record}, three 640×480 cameras are encoded live at
 * 30 fps and every tick is drained by a writer thread meanwhile. The last line is JSON with the
 * period-error percentiles.
 */
@Command(name = "control", mixinStandardHelpOptions = true,
        description = "Control-loop period error at a fixed rate; the last line is JSON.")
final class BenchControlCommand implements Callable<Integer> {
    @Option(names = "--rate", defaultValue = "500", description = "loop rate, Hz (1..1000)")
    double rate;

    @Option(names = "--seconds", defaultValue = "20")
    double seconds;

    @Option(names = "--record", description = "encode three 640x480 cameras at 30 fps and drain every tick meanwhile")
    boolean record;

    @Spec
    CommandSpec spec;

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
            Load load = record ? new Load(loop.ticks()) : null;
            try (LoopRunner runner = new LoopRunner(loop, NanoClock.SYSTEM, 200_000)) {
                runner.start();
                err.printf(Locale.ROOT, "running the loop at %.0f Hz for %.0f s%s…%n", rate, seconds,
                        record ? " while encoding three cameras" : "");
                err.flush();
                Thread.sleep((long) (seconds * 1000));
                report(loop, runner, load);
            } finally {
                if (load != null) {
                    load.close();
                }
            }
        }
        return 0;
    }

    private void report(ControlLoop loop, LoopRunner runner, Load load) {
        PeriodStats s = loop.periodStats();
        String extra = load == null ? "" : String.format(Locale.ROOT, ",\"frames_encoded\":%d,\"ticks_drained\":%d,"
                + "\"ticks_lost\":%d", load.frames.get(), load.drained.get(), load.lost.get());
        spec.commandLine().getErr().printf(Locale.ROOT, "%d ticks, %d late, %d skipped, %d overruns, max error %.3f ms%n",
                s.count(), s.lateTicks(), runner.skippedTicks(), loop.watchdog().overruns(), s.maxMillis());
        spec.commandLine().getOut().printf(Locale.ROOT, "{\"bench\":\"control\",\"rate_hz\":%.0f,\"ticks\":%d,"
                + "\"p50_period_error_ms\":%.4f,\"p99_period_error_ms\":%.4f,\"p999_period_error_ms\":%.4f,"
                + "\"max_period_error_ms\":%.4f,\"skipped_ticks\":%d,\"overruns\":%d,\"record\":%b,"
                + "\"load_average_1m\":%.2f,\"cpus\":%d%s}%n", rate, s.count(), s.percentileMillis(0.5),
                s.percentileMillis(0.99), s.percentileMillis(0.999), s.maxMillis(), runner.skippedTicks(),
                loop.watchdog().overruns(), load != null,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(), extra);
        spec.commandLine().getOut().flush();
    }

    /** Three camera encoders at 30 fps and a tick-draining writer: the recording load. */
    private static final class Load implements AutoCloseable {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong frames = new AtomicLong();
        final AtomicLong drained = new AtomicLong();
        final AtomicLong lost = new AtomicLong();
        final List<Thread> threads = new ArrayList<>();
        final Path dir;

        Load(TickRing ring) throws Exception {
            dir = Files.createTempDirectory("tandem-bench-control");
            for (int c = 0; c < 3; c++) {
                Path file = dir.resolve("cam" + c + ".mp4");
                start("camera-" + c, () -> encode(file));
            }
            start("tick-writer", () -> drain(ring));
        }

        private void start(String name, Runnable r) {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }

        private void encode(Path file) {
            try (VideoEncoder enc = VideoEncoder.open(file, 640, 480, 30, VideoSettings.live())) {
                long next = System.nanoTime();
                int n = 0;
                while (running.get()) {
                    ByteBuffer buf = enc.inputBuffer();
                    for (int i = 0; i < buf.capacity(); i += 97) {
                        buf.put(i, (byte) (i + n));
                    }
                    enc.encode(buf, System.nanoTime());
                    frames.incrementAndGet();
                    n++;
                    next += 33_333_333L;
                    LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
                }
            } catch (Exception e) {
                throw new IllegalStateException("bench camera encoder: " + e.getMessage(), e);
            }
        }

        private void drain(TickRing ring) {
            TickData scratch = new TickData(ring.layout());
            TickRing.Cursor cursor = new TickRing.Cursor(0);
            TickRing.Consumer sink = t -> drained.incrementAndGet();
            while (running.get()) {
                ring.drain(cursor, scratch, sink);
                lost.set(cursor.lost());
                LockSupport.parkNanos(5_000_000L);
            }
        }

        @Override
        public void close() throws Exception {
            running.set(false);
            for (Thread t : threads) {
                t.join(5000);
            }
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
