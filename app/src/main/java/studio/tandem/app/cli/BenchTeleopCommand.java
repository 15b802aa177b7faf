package studio.tandem.app.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import studio.tandem.teleop.bench.EventToCommandBench;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.sim.SimBench;
import studio.tandem.teleop.sim.SimConfig;

/**
 * {@code tandem bench teleop}: device event → arm command latency through the real retargeting, IK and
 * simulated arm; the simulation's real-time factor; both simulated cameras rendering together. Progress
 * on stderr, one JSON object as the last line on stdout. Targets: p99 ≤ 2 ms, RTF ≥ 1, ≥ 30 fps.
 */
@Command(name = "teleop", mixinStandardHelpOptions = true,
        description = "Event-to-command latency, simulation real-time factor and simulated camera rate; "
                + "last line is JSON.")
final class BenchTeleopCommand implements Callable<Integer> {
    @Option(names = "--events", defaultValue = "5000", description = "device events measured (default ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--event-hz", defaultValue = "1000", description = "device event rate (default ${DEFAULT-VALUE})")
    int eventHz;

    @Option(names = "--sim-seconds", defaultValue = "10",
            description = "simulated seconds for the real-time factor, after a warm-up (default ${DEFAULT-VALUE})")
    double simSeconds;

    @Option(names = "--camera-seconds", defaultValue = "5", description = "seconds of camera rendering (default ${DEFAULT-VALUE})")
    double cameraSeconds;

    @Option(names = "--camera-size", defaultValue = "320x240", description = "camera frame size (default ${DEFAULT-VALUE})")
    String cameraSize;

    @Option(names = "--camera-fps", defaultValue = "30", description = "rate each camera asks for (default ${DEFAULT-VALUE})")
    double cameraFps;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int[] wh = parseSize(cameraSize);
        if (events < 100 || eventHz < 1 || eventHz > 100_000 || !(simSeconds >= 1) || !(cameraSeconds >= 1)
                || !(cameraFps > 0) || cameraFps > 240) {
            throw new UserError("bench teleop: --events >= 100, --event-hz 1..100000, --sim-seconds and "
                    + "--camera-seconds >= 1, --camera-fps in (0, 240]");
        }
        PrintWriter err = spec.commandLine().getErr();
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        double load = os.getSystemLoadAverage();
        progress(err, "load average %.2f on %d cores at start", load, os.getAvailableProcessors());
        EventToCommandBench.Result lat = latency(err);
        EventToCommandBench.Result own = EventToCommandBench.computeOnly(events);
        progress(err, "the path's own compute (one thread): p50 %.3f ms, p99 %.3f ms", own.p50Ms(), own.p99Ms());
        SimBench.Result sim = physics(err);
        SimBench.CameraResult cam = null;
        String cameraError = null;
        try {
            cam = cameras(err, wh);
        } catch (DeviceException e) {
            cameraError = e.getMessage();
            progress(err, "cameras: not measured: %s", cameraError);
        }
        report(spec.commandLine().getOut(), load, os.getAvailableProcessors(), lat, own, sim, cam, cameraError);
        return 0;
    }

    private EventToCommandBench.Result latency(PrintWriter err) throws DeviceException {
        progress(err, "event -> command: %d events at %d Hz from a device thread (plus as many to warm up)...",
                events, eventHz);
        EventToCommandBench.Result lat = EventToCommandBench.run(events, 1_000_000_000L / eventHz);
        progress(err, "event -> command: p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d events, %d superseded)",
                lat.p50Ms(), lat.p99Ms(), lat.maxMs(), lat.events(), lat.superseded());
        return lat;
    }

    private SimBench.Result physics(PrintWriter err) {
        SimConfig config = SimConfig.defaults(1);
        progress(err, "physics: warm-up, then %.0f simulated seconds at %d Hz...", simSeconds, config.physicsHz());
        SimBench.run(config, 3);
        SimBench.Result sim = SimBench.run(config, simSeconds);
        progress(err, "physics: real-time factor %.2f (%.3f s CPU per simulated second)", sim.realtimeFactor(),
                sim.cpuSeconds() / sim.simSeconds());
        return sim;
    }

    private SimBench.CameraResult cameras(PrintWriter err, int[] wh) throws DeviceException, InterruptedException {
        progress(err, "cameras: scene + wrist at %dx%d, %.0f fps each asked, %.0f s...", wh[0], wh[1], cameraFps,
                cameraSeconds);
        SimBench.CameraResult cam = SimBench.cameras(SimConfig.defaults(1), wh[0], wh[1], cameraFps, cameraSeconds);
        progress(err, "cameras: %.1f fps together (scene %.1f, wrist %.1f, %d late); physics meanwhile %.0f Hz "
                + "(%d steps skipped); process CPU %.2f cores", cam.totalFps(), cam.sceneFps(), cam.wristFps(),
                cam.framesLate(), cam.physicsHz(), cam.lateSteps(), cam.processCpuCores());
        return cam;
    }

    private void report(PrintWriter out, double load, int cores, EventToCommandBench.Result lat,
                        EventToCommandBench.Result own, SimBench.Result sim, SimBench.CameraResult cam,
                        String cameraError) {
        String camera = cam == null
                ? String.format(Locale.ROOT, "\"camera_fps\":null,\"camera_error\":\"%s\"", json(cameraError))
                : String.format(Locale.ROOT, "\"camera_fps\":%.1f,\"camera_fps_scene\":%.1f,\"camera_fps_wrist\":%.1f,"
                        + "\"camera_frames_late\":%d,\"camera_size\":\"%dx%d\",\"physics_hz_with_cameras\":%.0f,"
                        + "\"physics_steps_skipped_with_cameras\":%d,\"process_cpu_cores_with_cameras\":%.2f",
                        cam.totalFps(), cam.sceneFps(), cam.wristFps(), cam.framesLate(), parseSize(cameraSize)[0],
                        parseSize(cameraSize)[1], cam.physicsHz(), cam.lateSteps(), cam.processCpuCores());
        out.printf(Locale.ROOT, "{\"bench\":\"teleop\",\"p50_event_to_command_ms\":%.4f,\"p99_event_to_command_ms\":%.4f,"
                + "\"max_event_to_command_ms\":%.4f,\"events\":%d,\"superseded\":%d,\"event_hz\":%d,"
                + "\"path_compute_p99_ms\":%.4f,\"sim_realtime_factor\":%.2f,\"sim_cpu_s_per_sim_s\":%.4f,"
                + "\"physics_hz\":%d,\"sim_seconds\":%.1f,%s,\"load_avg_1m_at_start\":%.2f,\"cores\":%d}%n",
                lat.p50Ms(), lat.p99Ms(), lat.maxMs(), lat.events(), lat.superseded(), eventHz, own.p99Ms(),
                sim.realtimeFactor(), sim.cpuSeconds() / sim.simSeconds(), sim.physicsHz(), sim.simSeconds(), camera,
                load, cores);
        out.flush();
    }

    private static void progress(PrintWriter err, String format, Object... args) {
        err.printf(Locale.ROOT, "bench teleop: " + format + "%n", args);
        err.flush();
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static int[] parseSize(String s) {
        String[] p = s.toLowerCase(Locale.ROOT).split("x");
        try {
            int[] wh = {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
            if (p.length == 2 && wh[0] >= 16 && wh[1] >= 16 && wh[0] <= 640 && wh[1] <= 480) {
                return wh;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new UserError("bench teleop: --camera-size '" + s + "' must be WIDTHxHEIGHT, 16x16 up to 640x480");
    }
}
