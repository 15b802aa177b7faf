package studio.tandem.app.record;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.recorder.capture.CameraInput;
import studio.tandem.recorder.capture.VectorInput;
import studio.tandem.recorder.episode.Recorder;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.robot.Camera;
import studio.tandem.teleop.script.OperatorIo;
import studio.tandem.teleop.script.Step;
import studio.tandem.teleop.sim.SimCameraSpec;
import studio.tandem.teleop.sim.SimConfig;
import studio.tandem.teleop.sim.SimSnapshot;
import studio.tandem.teleop.station.SimulatedStation;

/**
 * The simulated station as a recording source: the UR5e with the four-finger hand on a real-time
 * physics thread, the scene and wrist cameras rendered headless, and a scripted operator that performs
 * one seeded task per episode ({@link SimTask}: grasp-and-lift or pick-and-place). Every stream comes
 * from the station's own feature declarations: observation vectors (arm joints and TCP pose, hand
 * joints, tactile), the applied actions, and the cameras. Threads: physics, one render thread and one
 * {@link CameraPump} per camera, the {@link SimOperatorLoop}; lifecycle calls from the command thread.
 */
public final class SimRecordStation implements RecordStation {
    /** Rate of the scripted operator's control loop and of the recorded state/action samples (Hz). */
    public static final double CONTROL_HZ = 100;
    /** Longest wait for each part of the reset between episodes (s); a slower reset just goes on. */
    public static final long RESET_TIMEOUT_S = 8;

    private final long seed;
    private final NanoClock clock;
    private final SimulatedStation sim;
    private final List<CameraPump> pumps = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private SimOperatorLoop loop;
    private OperatorIo io;
    private boolean started;

    /**
     * @param seed      seeds object placement and every episode's task
     * @param cameras   0 (none), 1 (scene) or 2 (scene and wrist)
     * @param width     camera width (px), even, ≤ 640
     * @param height    camera height (px), even, ≤ 480
     * @param cameraFps the cameras' capture rate (frames/s)
     * @throws IllegalArgumentException naming the field when a size or rate is out of range
     */
    public SimRecordStation(long seed, int cameras, int width, int height, double cameraFps, NanoClock clock) {
        if (cameras < 0 || cameras > 2) {
            throw new IllegalArgumentException("--cameras: the simulated station has 0, 1 (scene) or 2 (scene and "
                    + "wrist) cameras, was " + cameras);
        }
        if (width % 2 != 0 || height % 2 != 0 || width < 16 || height < 16) {
            throw new IllegalArgumentException("--width/--height: the video encoder needs even sizes of at least "
                    + "16x16, was " + width + "x" + height);
        }
        List<SimCameraSpec> cams = List.of(SimCameraSpec.scene(width, height, cameraFps),
                SimCameraSpec.wrist(width, height, cameraFps)).subList(0, cameras);
        this.seed = seed;
        this.clock = clock;
        this.sim = SimulatedStation.create(SimConfig.defaults(seed), clock, false, cams);
    }

    @Override
    public String robotType() {
        return "tandem_sim_ur5e_" + sim.hand().id();
    }

    /** The simulated station (for tests and the studio). */
    public SimulatedStation sim() {
        return sim;
    }

    @Override
    public void declare(Recorder recorder) {
        String arm = sim.arm().id();
        String hand = sim.hand().id();
        List<VectorInput> inputs = new ArrayList<>();
        List<StateSource> sources = new ArrayList<>();
        List<Feature> all = new ArrayList<>(sim.station().observationFeatures().all());
        all.addAll(sim.station().actionFeatures().all());
        for (Feature f : all) {
            if (f instanceof VectorFeature v) {
                sources.add(StateSource.of(v.name(), arm, hand));
                inputs.add(recorder.addVector(v));
            }
        }
        io = new OperatorIo(sim.arm(), sim.hand());
        loop = new SimOperatorLoop(io, clock, CONTROL_HZ, inputs.toArray(VectorInput[]::new),
                sources.toArray(StateSource[]::new));
        for (Camera c : sim.station().cameras()) {
            VisualFeature vf = (VisualFeature) c.observationFeatures().all().get(0);
            CameraInput in = recorder.addCamera(vf);
            pumps.add(new CameraPump(c, in));
        }
    }

    /**
     * Connects and activates the station (the cameras' renderers start), starts the physics, the
     * camera pumps and the operator loop holding the arm where it is.
     *
     * @throws IOException with the one-line reason when a device cannot connect (e.g. no OpenGL/EGL)
     */
    @Override
    public void start() throws IOException {
        if (loop == null) {
            throw new IllegalStateException("declare the station's streams before starting it");
        }
        try {
            sim.station().connect();
            sim.station().activate();
        } catch (DeviceException e) {
            throw new IOException("--station sim: " + e.getMessage(), e);
        }
        sim.engine().start();
        long now = clock.nanoTime();
        io.sendTcp(io.readArm().tcp(), now);
        io.sendClosure(0, now);
        started = true;
        int i = 0;
        for (CameraPump p : pumps) {
            spawn(p, "sim-pump-" + i++);
        }
        spawn(loop, "sim-operator");
    }

    private void spawn(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        threads.add(t);
    }

    /**
     * Resets for episode {@code number} (not recorded, like LeRobot's reset period): opens the hand, lets
     * a dropped object settle, brings the hand above the episode's object; then starts the seeded task's
     * script. Waits for the reset (at most {@value #RESET_TIMEOUT_S} s per part).
     *
     * @return the task text given, or the task's instruction
     * @throws IllegalStateException when the scripted operator failed
     */
    @Override
    public String beginEpisode(int number, String task) {
        SimTask t = SimTask.draw(seed, number);
        SimSnapshot scene = sim.engine().newSnapshot();
        await(SimTask.release(io));
        sim.engine().read(scene);
        await(t.approach(io, scene));
        sim.engine().read(scene);
        loop.run(t.script(io, scene));
        return task != null ? task : t.instruction();
    }

    private void await(Step reset) {
        loop.run(reset);
        long deadline = System.nanoTime() + RESET_TIMEOUT_S * 1_000_000_000L;
        while (!loop.idle() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(5_000_000L);
        }
        if (!loop.fault().isEmpty()) {
            throw new IllegalStateException(loop.fault());
        }
    }

    @Override
    public long[] framesPublished() {
        long[] out = new long[pumps.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = pumps.get(i).published();
        }
        return out;
    }

    /** Operator-loop ticks the thread could not run in time; counted. */
    public long lateTicks() {
        return loop == null ? 0 : loop.lateTicks();
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.stop();
        }
        pumps.forEach(CameraPump::stop);
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        if (started) {
            sim.station().deactivate();
        }
        sim.close();
    }
}
