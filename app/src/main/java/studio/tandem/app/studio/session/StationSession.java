package studio.tandem.app.studio.session;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.app.config.StationConfig;
import studio.tandem.app.station.OperatorDeviceFactory;
import studio.tandem.app.station.OperatorDeviceSetup;
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
import studio.tandem.teleop.robot.Hand;
import studio.tandem.teleop.station.SimulatedStation;
import studio.tandem.teleop.station.Station;

/**
 * A running station as the studio drives it: the station file's arm, hand or gripper and cameras (the
 * simulated station when there is no file) with their threads, the keyboard plus the file's operator
 * device as the operator, the shared-autonomy control loop on its own thread, the recorder, and the
 * pump between them. Sim-only parts (the physics engine and its scene) are there only when the station
 * is simulated ({@link #sim()}). Built and closed off the FX thread ({@link #start} blocks for seconds:
 * connections, renderer, encoder warm-up); everything else may be called from the FX thread and
 * returns at once.
 */
public final class StationSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StationSession.class);
    /** How often an absent operator device is looked for again (ms). */
    static final long RECONNECT_MILLIS = 2000;

    private final SessionSettings settings;
    private final NanoClock clock;
    private final StationConfig config;
    private final Station station;
    private final SimulatedStation sim;
    private final String cameraProblem;
    private final StationOperator operator;
    private final DeviceReconnect reconnect;
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

    private StationSession(StationConfig config, StationStarter.Started started, NanoClock clock,
            OperatorDeviceSetup device) throws IOException, DeviceException {
        this.settings = started.settings();
        this.clock = clock;
        this.config = config;
        this.station = started.station();
        this.sim = started.sim();
        this.cameraProblem = started.cameraProblem();
        KeyboardDevice keyboard = new KeyboardDevice("keyboard", clock);
        Hand hand = station.hand().orElseThrow();
        this.operator = new StationOperator(keyboard, OperatorDeviceFactory.keyboardRetargeting(config), device,
                station.arm(), hand, clock, settings.loopHz());
        this.loops = new LoopBuilder(station, operator, clock, settings.loopHz());
        List<Camera> cams = station.cameras();
        this.recording = SessionRecorder.open(settings, clock, station, loops.layout(), config.robotType());
        keyboard.connect();
        this.reconnect = device == null ? null : new DeviceReconnect(device, RECONNECT_MILLIS).start();
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
     * Starts the built-in simulated station with its cameras (falling back to none, with the reason in
     * {@link #cameraProblem()}, when this machine cannot render), the loop and the recorder.
     * Blocks for a few seconds; never on the FX thread.
     *
     * @throws IOException when the dataset cannot be opened or created (message names the file)
     */
    public static StationSession start(SessionSettings settings, NanoClock clock) throws IOException,
            DeviceException {
        return start(settings, clock, StationConfig.simulated());
    }

    /**
     * Starts the station {@code config} describes: real drivers connected and activated, or a
     * simulated station; the operator device of its {@code devices:} (absent devices are retried in
     * the background while the keyboard drives); the loop and the recorder. A station other than the
     * built-in one records into its own dataset beside {@code settings.dataset()}. Blocks for the
     * drivers' connect timeouts; never on the FX thread.
     *
     * @throws DeviceException with one line naming the station when it does not connect
     * @throws IOException when the dataset cannot be opened or created (message names the file)
     */
    public static StationSession start(SessionSettings settings, NanoClock clock, StationConfig config)
            throws IOException, DeviceException {
        OperatorDeviceSetup device;
        try {
            device = OperatorDeviceFactory.primary(config).map(d -> OperatorDeviceFactory.build(d, clock))
                    .orElse(null);
        } catch (IllegalArgumentException e) {
            throw new DeviceException("station '" + config.name() + "': " + e.getMessage());
        }
        StationStarter.Started started;
        try {
            started = StationStarter.start(config, settings, clock);
        } catch (DeviceException | RuntimeException e) {
            if (device != null) {
                device.close();
            }
            throw e;
        }
        try {
            return new StationSession(config, started, clock, device);
        } catch (IOException | DeviceException | RuntimeException e) {
            started.station().close();
            if (device != null) {
                device.close();
            }
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

    public StationOperator operator() {
        return operator;
    }

    public Recorder recorder() {
        return recording.recorder();
    }

    public SessionRecorder recording() {
        return recording;
    }

    /** The simulation behind the station, or null when the station is real hardware. */
    public SimulatedStation sim() {
        return sim;
    }

    /** The running station: arm, hand or gripper, cameras. */
    public Station station() {
        return station;
    }

    /** The station file this session runs ({@link StationConfig#simulated()} without one). */
    public StationConfig config() {
        return config;
    }

    /** Whether the station is simulated (a physics engine and scene objects exist). */
    public boolean simulated() {
        return sim != null;
    }

    /** Why the station file's operator device does not connect, empty when it does or there is none. Any thread. */
    public String deviceProblem() {
        return reconnect == null ? "" : reconnect.lastError();
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

    /** New arm states the control loop has read so far (rate = difference per second). Any thread. */
    public long armStates() {
        return loops.armStates();
    }

    /**
     * Control ticks at which the arm or hand was skipped because it was in FAULT (the loop holds
     * instead of stopping). Any thread.
     */
    public long faultHeldTicks() {
        return loops.held();
    }

    /** New hand or gripper states the control loop has read so far. Any thread. */
    public long handStates() {
        return loops.handStates();
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
        if (reconnect != null) {
            reconnect.close();
        }
        station.close();
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
