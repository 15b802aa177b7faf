package studio.tandem.app.studio.session;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.app.studio.common.FrameSlot;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.loop.ControlLoop;
import studio.tandem.autonomy.loop.LoopRunner;
import studio.tandem.autonomy.policy.HandPolicies;
import studio.tandem.autonomy.policy.PolicyRuntime;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.recorder.episode.Recorder;
import studio.tandem.recorder.episode.RecorderEvent;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.keyboard.KeyboardDevice;
import studio.tandem.teleop.robot.Camera;
import studio.tandem.teleop.sim.SimConfig;
import studio.tandem.teleop.station.SimulatedStation;

/**
 * A running simulated station as the studio drives it: physics and cameras on their threads, the
 * keyboard as the operator, the shared-autonomy control loop on its own thread, the recorder, and
 * the pump between them. Built and closed off the FX thread ({@link #start} blocks for seconds:
 * renderer, encoder warm-up); everything else may be called from the FX thread and returns at once.
 */
public final class StationSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StationSession.class);

    private final SessionSettings settings;
    private final NanoClock clock;
    private final SimulatedStation sim;
    private final String cameraProblem;
    private final KeyboardOperator operator;
    private final LoopBuilder loops;
    private final SessionRecorder recording;
    private final FrameSlot[] frameSlots;
    private final StationPump pump;
    private final Thread pumpThread;
    private volatile ControlLoop loop;
    private volatile LoopRunner runner;
    private volatile HandPolicies.Wiring policy;
    private volatile PolicyRuntime runtime;
    private volatile boolean estop;

    private StationSession(SessionSettings settings, NanoClock clock, SimulatedStation sim, String cameraProblem)
            throws IOException {
        this.settings = settings;
        this.clock = clock;
        this.sim = sim;
        this.cameraProblem = cameraProblem;
        KeyboardDevice keyboard = new KeyboardDevice("keyboard", clock);
        this.operator = new KeyboardOperator(keyboard, sim.arm(), sim.hand(), clock, settings.loopHz());
        this.loops = new LoopBuilder(sim, operator, clock, settings.loopHz());
        List<Camera> cams = sim.station().cameras();
        this.recording = SessionRecorder.open(settings, clock, sim.station(), loops.layout());
        keyboard.connect();
        this.frameSlots = new FrameSlot[cams.size()];
        for (int i = 0; i < cams.size(); i++) {
            frameSlots[i] = new FrameSlot(cams.get(i).width(), cams.get(i).height());
        }
        this.pump = new StationPump(cams, frameSlots, recording.recorder(), recording.vectors());
        this.loop = loops.build(null, Mode.TELEOP);
        pump.follow(loop.ticks());
        this.pumpThread = new Thread(pump, "studio-station-pump");
        pumpThread.setDaemon(true);
        pumpThread.start();
        startRunner();
    }

    /**
     * Starts the simulated station with its cameras (falling back to none, with the reason in
     * {@link #cameraProblem()}, when this machine cannot render), the loop and the recorder.
     * Blocks for a few seconds; never on the FX thread.
     *
     * @throws IOException when the dataset cannot be opened or created (message names the file)
     */
    public static StationSession start(SessionSettings settings, NanoClock clock) throws IOException,
            DeviceException {
        SimConfig cfg = SimConfig.defaults(settings.seed());
        String problem = "";
        SimulatedStation sim = null;
        if (settings.cameras()) {
            sim = SimulatedStation.create(cfg, clock, true, SimulatedStation.defaultCameras(settings.cameraWidth(),
                    settings.cameraHeight()));
            try {
                sim.station().connect();
            } catch (DeviceException e) {
                problem = e.getMessage();
                LOG.warn("simulated cameras unavailable, running without: {}", problem);
                sim.close();
                sim = null;
            }
        }
        if (sim == null) {
            sim = SimulatedStation.create(cfg, clock, true);
            sim.station().connect();
        }
        sim.station().activate();
        try {
            return new StationSession(settings, clock, sim, problem);
        } catch (IOException | RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    private void startRunner() {
        // Real-time scheduling where the OS allows it (root or CAP_SYS_NICE); else a normal thread.
        // The outcome is logged once; the loop timing shown in the recording bar tells the rest.
        LoopRunner r = new LoopRunner(loop, clock, 100_000).requestRealtime();
        r.start();
        runner = r;
    }

    /**
     * Runs {@code rt} as the hand policy (SHARED mode: operator arm, policy hand) or, with null, goes
     * back to teleoperation, starting from {@code instruction}: the loop is rebuilt and restarted from the robot's current state. Not
     * while recording. Worker thread (it joins the old loop thread).
     */
    public synchronized void usePolicy(PolicyRuntime rt, String instruction) {
        if (recording.recorder().isRecording()) {
            throw new IllegalStateException("stop recording before changing the policy");
        }
        HandPolicies.Wiring next = rt == null ? null : loops.wire(rt);
        loops.instruction(instruction);
        runner.close();
        HandPolicies.Wiring old = policy;
        if (old != null) {
            old.worker().close();
        }
        policy = next;
        loop = loops.build(next, next == null ? Mode.TELEOP : Mode.SHARED);
        if (estop) {
            loop.eStop();
        }
        pump.follow(loop.ticks());
        if (next != null) {
            next.worker().start();
        }
        PolicyRuntime oldRt = runtime;
        runtime = rt;
        if (oldRt != null && oldRt != rt) {
            oldRt.close();
        }
        startRunner();
    }

    /** Engages the loop's e-stop (the safety filter holds the robot). Any thread. */
    public void eStop() {
        estop = true;
        loop.eStop();
    }

    /** Releases the e-stop (and the keyboard's own latch). Any thread. */
    public void resetEStop() {
        estop = false;
        operator.clearEstop();
        loop.resetEStop();
    }

    public boolean estopped() {
        return estop;
    }

    /** The loop running now (replaced when a policy is loaded). */
    public ControlLoop loop() {
        return loop;
    }

    public LoopRunner runner() {
        return runner;
    }

    public HandPolicies.Wiring policy() {
        return policy;
    }

    public PolicyRuntime runtime() {
        return runtime;
    }

    public KeyboardOperator operator() {
        return operator;
    }

    public Recorder recorder() {
        return recording.recorder();
    }

    public SessionRecorder recording() {
        return recording;
    }

    public SimulatedStation sim() {
        return sim;
    }

    /** One UI frame slot per camera, in the station's camera order. */
    public FrameSlot[] frameSlots() {
        return frameSlots.clone();
    }

    /** Why the station runs without cameras, empty when they run. */
    public String cameraProblem() {
        return cameraProblem;
    }

    public SessionSettings settings() {
        return settings;
    }

    /** Camera frames the recorder had no slot for. Any thread. */
    public long framesDropped() {
        return pump.framesDropped();
    }

    /** Control ticks that did not reach the recorder. Any thread. */
    public long ticksDropped() {
        return pump.ticksDropped();
    }

    @Override
    public synchronized void close() {
        runner.close();
        pump.stop();
        try {
            pumpThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        HandPolicies.Wiring p = policy;
        if (p != null) {
            p.worker().close();
        }
        try {
            recording.close();
        } catch (IOException e) {
            LOG.error("closing the recorder: {}", e.getMessage());
        }
        if (runtime != null) {
            runtime.close();
        }
        operator.device().close();
        sim.close();
    }

    // --- Recording decisions, runtime authority and the failure-pause switch (Collect / Correct) ---

    /** Where stopped episodes wait for the operator's decision (save as success / failure, discard). */
    public EpisodeHold hold() {
        return recording.hold();
    }

    /** The session's clock (the recorder's and the loop's), for events stamped by the UI. Any thread. */
    public NanoClock clock() {
        return clock;
    }

    /**
     * Records a note with the episode being recorded (ignored between episodes), stamped now on the
     * session clock. Any thread.
     */
    public boolean annotate(String note) {
        return recording.recorder().event(new RecorderEvent.Annotation(clock.nanoTime(), note));
    }

    /**
     * The failure threshold (dimensionless score, > 0) and pause switch of the loops built from the
     * next policy load on; the running loop's switch is {@code loop().failureMonitor()}'s. Any thread.
     */
    public void failurePolicy(double threshold, boolean pauseOnFailure) {
        loops.failureThreshold(threshold);
        loops.pauseOnFailure(pauseOnFailure);
    }
}
