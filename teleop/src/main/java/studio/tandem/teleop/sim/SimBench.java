package studio.tandem.teleop.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import studio.tandem.dataset.time.ManualClock;

/**
 * Measures how fast the simulation runs: steps the world as fast as it can for a given simulated time
 * while the arm sweeps over the table and the hand opens and closes (contacts with the table and the
 * objects), and reports the real-time factor. For {@code tandem bench teleop}; runs on the caller's thread.
 */
public final class SimBench {

    /**
     * @param simSeconds simulated time covered
     * @param wallSeconds elapsed wall time
     * @param cpuSeconds CPU time of the stepping thread (what the physics costs, whatever the machine load)
     * @param physicsHz physics rate
     * @param steps physics steps taken
     */
    public record Result(double simSeconds, double wallSeconds, double cpuSeconds, int physicsHz, long steps) {
        /** Simulated seconds per wall second (≥ 1 means faster than real time). */
        public double realtimeFactor() {
            return simSeconds / wallSeconds;
        }

        /** Simulated seconds per CPU second of the physics thread. */
        public double cpuRealtimeFactor() {
            return simSeconds / cpuSeconds;
        }
    }

    private SimBench() {
    }

    /** Runs {@code seconds} of simulated time of the station configured by {@code config}. */
    public static Result run(SimConfig config, double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("bench: seconds must be > 0, was " + seconds);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (SimStation station = new SimStation(config, new ManualClock(0))) {
            SimWorld world = station.world();
            long period = config.periodNanos();
            long steps = Math.max(1, Math.round(seconds * 1e9 / period));
            double[] q = config.armStart().clone();
            double[] hand = new double[world.handSpec().dof()];
            long wall0 = System.nanoTime();
            long cpu0 = mx.getCurrentThreadCpuTime();
            for (long k = 0; k < steps; k++) {
                double t = k * (period / 1e9);
                q[0] = config.armStart()[0] + 0.5 * Math.sin(0.8 * t);
                q[1] = config.armStart()[1] + 0.25 * Math.sin(1.1 * t);
                world.handSpec().closurePosture(0.5 + 0.5 * Math.sin(1.7 * t), hand);
                station.commandArm(q);
                station.commandHand(hand);
                station.step(period);
            }
            double wall = (System.nanoTime() - wall0) / 1e9;
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            return new Result(steps * (period / 1e9), wall, cpu, config.physicsHz(), steps);
        }
    }

    /**
     * What the cameras delivered while rendering together with the physics running in real time.
     *
     * @param sceneFps frames per second of the scene camera
     * @param wristFps frames per second of the wrist camera
     * @param framesLate frames the two cameras could not render on time (both together)
     * @param physicsHz physics steps per second achieved meanwhile
     * @param lateSteps physics steps skipped meanwhile because the thread fell behind
     * @param processCpuCores process CPU time per wall second (all threads, incl. the GL driver's)
     */
    public record CameraResult(double sceneFps, double wristFps, long framesLate, double physicsHz, long lateSteps,
                               double processCpuCores) {
        /** Frames per second of both cameras together. */
        public double totalFps() {
            return sceneFps + wristFps;
        }
    }

    /**
     * Runs the station in real time with a scene and a wrist camera at {@code width}×{@code height},
     * each asking for {@code fps}, for {@code seconds} of wall time after a one-second warm-up, on the
     * caller's thread (which only waits). Throws {@link studio.tandem.teleop.device.DeviceException}
     * without OpenGL.
     */
    public static CameraResult cameras(SimConfig config, int width, int height, double fps, double seconds)
            throws studio.tandem.teleop.device.DeviceException, InterruptedException {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (SimStation station = new SimStation(config, studio.tandem.dataset.time.NanoClock.SYSTEM);
             SimCamera scene = new SimCamera(SimCameraSpec.scene(width, height, fps), station);
             SimCamera wrist = new SimCamera(SimCameraSpec.wrist(width, height, fps), station)) {
            station.start();
            scene.connect();
            wrist.connect();
            Thread.sleep(1000);
            long s0 = scene.framesCaptured();
            long w0 = wrist.framesCaptured();
            long late0 = scene.framesLate() + wrist.framesLate();
            long steps0 = station.steps();
            long skipped0 = station.lateSteps();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Thread.sleep((long) (seconds * 1000));
            double wall = (System.nanoTime() - t0) / 1e9;
            return new CameraResult((scene.framesCaptured() - s0) / wall, (wrist.framesCaptured() - w0) / wall,
                    scene.framesLate() + wrist.framesLate() - late0, (station.steps() - steps0) / wall,
                    station.lateSteps() - skipped0, (os.getProcessCpuTime() - cpu0) / 1e9 / wall);
        }
    }

    /** Frames per second both cameras delivered together (see {@link #cameras}), each asking for 30 fps. */
    public static double cameraFps(SimConfig config, int width, int height, double seconds)
            throws studio.tandem.teleop.device.DeviceException, InterruptedException {
        return cameras(config, width, height, 30, seconds).totalFps();
    }
}
