package studio.tandem.teleop.sim;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceThread;

/**
 * The simulated station's engine: a {@link SimWorld} stepped at a fixed rate on its own physics thread
 * ({@link #start()}), or by hand in tests ({@link #step(long)}). State is published after every step as
 * a latest-value {@link SimSnapshot} stamped with the injected clock; commands (arm joint targets, hand
 * targets) are latest-value slots read before every step. Readers and writers never block the physics.
 *
 * <p>The simulated devices ({@link SimArm}, {@link SimHand}) are views of this engine.
 */
public final class SimStation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimStation.class);
    /**
     * How far the physics thread may fall behind the clock and still catch up by stepping back to back
     * (a step costs ~0.1 ms, so 50 ms of preemption on a loaded machine is made up within a few ms);
     * beyond that the missed steps are skipped and counted in {@link #lateSteps()}.
     */
    private static final long MAX_CATCH_UP_NANOS = 50_000_000L;

    private final SimWorld world;
    private final NanoClock clock;
    private final SeqLockBuffer state;
    private final SeqLockBuffer armCommand = new SeqLockBuffer(6);
    private final SeqLockBuffer handCommand;
    private final SimSnapshot published;
    private final double[] armTarget = new double[6];
    private final double[] handTarget;
    private final long period;
    private final DeviceThread worker = new DeviceThread();
    private volatile String fault = "";
    private volatile long lateSteps;
    private volatile long startNanos;
    private volatile long startSteps;
    private long manualCarry;

    public SimStation(SimConfig config, NanoClock clock) {
        this.world = new SimWorld(config);
        this.clock = clock;
        this.period = config.periodNanos();
        this.published = world.newSnapshot();
        this.state = new SeqLockBuffer(published.data.length);
        this.handTarget = world.handSpec().open().clone();
        this.handCommand = new SeqLockBuffer(handTarget.length);
        System.arraycopy(config.armStart(), 0, armTarget, 0, 6);
        armCommand.write(armTarget);
        handCommand.write(handTarget);
        publish();
    }

    public SimWorld world() {
        return world;
    }

    public NanoClock clock() {
        return clock;
    }

    public List<SceneBody> bodies() {
        return world.bodies();
    }

    /** A snapshot buffer sized for this station, for {@link #read}. */
    public SimSnapshot newSnapshot() {
        return world.newSnapshot();
    }

    /** Copies the latest published state into {@code out}. Any thread; never blocks the physics. */
    public void read(SimSnapshot out) {
        state.read(out.data);
    }

    /** Sets the arm joint targets (rad), already validated. One writer thread (the control thread). */
    void commandArm(double[] q) {
        armCommand.write(q);
    }

    /** Sets the hand targets, already validated. One writer thread. */
    void commandHand(double[] q) {
        handCommand.write(q);
    }

    /** Starts the physics thread at the configured rate. Idempotent. */
    public synchronized void start() {
        if (worker.running()) {
            return;
        }
        startNanos = clock.nanoTime();
        startSteps = world.steps();
        worker.start("sim-physics", this::run);
    }

    /** Stops the physics thread and waits for it. Idempotent. */
    public synchronized void stop() {
        worker.stop(false, 2000);
    }

    public boolean isRunning() {
        return worker.running();
    }

    /**
     * Manual mode: advances the simulation by {@code dtNanos} in whole physics periods (the remainder is
     * carried to the next call), on the caller's thread. Not allowed while the physics thread runs.
     */
    public void step(long dtNanos) {
        if (worker.running()) {
            throw new IllegalStateException("sim: manual step while the physics thread runs");
        }
        manualCarry += dtNanos;
        while (manualCarry >= period) {
            manualCarry -= period;
            stepOnce();
        }
    }

    private void stepOnce() {
        armCommand.read(armTarget);
        handCommand.read(handTarget);
        world.setArmTarget(armTarget);
        world.setHandTarget(handTarget);
        world.step();
        publish();
    }

    private void publish() {
        world.snapshot(published, clock.nanoTime());
        state.write(published.data);
    }

    private void run() {
        long next = clock.nanoTime();
        try {
            while (worker.running()) {
                stepOnce();
                next += period;
                long now = clock.nanoTime();
                if (now - next > MAX_CATCH_UP_NANOS) {
                    lateSteps = lateSteps + (now - next) / period;
                    next = now;
                }
                while (worker.running() && (now = clock.nanoTime()) < next) {
                    LockSupport.parkNanos(next - now);
                }
            }
        } catch (RuntimeException e) {
            fault = "simulation failed: " + e;
            worker.requestStop();
            LOG.error("sim physics thread stopped", e);
        }
    }

    /** Physics steps taken since construction. */
    public long steps() {
        return state.writes() - 1;
    }

    /** Steps the physics thread could not take in time and skipped (it fell behind real time); counted. */
    public long lateSteps() {
        return lateSteps;
    }

    /** Physics rate actually achieved since {@link #start()} (steps per second of the station clock). */
    public double measuredRateHz() {
        long elapsed = clock.nanoTime() - startNanos;
        return elapsed <= 0 ? 0 : (steps() - startSteps) * 1e9 / elapsed;
    }

    /** Why the physics stopped, or empty. */
    public String fault() {
        return fault;
    }

    @Override
    public void close() {
        stop();
        world.close();
    }
}
