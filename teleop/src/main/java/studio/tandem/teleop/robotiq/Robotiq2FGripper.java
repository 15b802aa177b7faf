package studio.tandem.teleop.robotiq;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.DeviceLifecycle;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.kinematics.JointLimits;
import studio.tandem.teleop.robot.Hand;
import studio.tandem.teleop.robot.HandCommand;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.robot.HandState;
import studio.tandem.teleop.robot.RobotFeatures;
import studio.tandem.teleop.serial.ByteStream;
import studio.tandem.teleop.serial.SerialOpener;
import studio.tandem.teleop.sim.SeqLockBuffer;

/**
 * A Robotiq 2F-85 / 2F-140 over Modbus RTU. One joint, {@code gap}: the opening between the fingers (m, 0 =
 * closed, stroke = open), mapped linearly onto the position request 255..0. {@link #connect()} only reads the
 * status; {@link #activate()} runs the gripper's activation (rACT 0 → 1, wait for gSTA = 3; the fingers move)
 * unless it is already activated, then holds the measured opening. The I/O thread writes a new request
 * (rACT, rGTO, rPR, rSP, rFR) only when the position changes and reads the status each cycle. No reply for
 * {@code faultAfterMs}, a lost link or a major gripper fault → FAULT with the reason; the gripper keeps its
 * last request. The gripper has no tactile sensors (tactile reads 0); {@link #objectDetection()} reports
 * gOBJ. {@link #read} and {@link #send} run on the control thread and allocate nothing.
 */
public final class Robotiq2FGripper implements Hand {
    private static final Logger LOG = LoggerFactory.getLogger(Robotiq2FGripper.class);
    private static final int OUT_ADDR = 1000;
    private static final int IN_ADDR = 2000;
    /** [stamp, gap m, current A, gOBJ, gSTA, gFLT]. */
    private static final int SLOT = 6;

    private final RobotiqConfig config;
    private final SerialOpener opener;
    private final NanoClock clock;
    private final ThreadFactory threads;
    private final DeviceLifecycle life;
    private final HandSpec spec;
    private final FeatureSet observation;
    private final FeatureSet action;
    private final SeqLockBuffer stateSlot = new SeqLockBuffer(SLOT);
    private final SeqLockBuffer targetSlot = new SeqLockBuffer(1);
    /** Serialises writers of the target slot (the control thread, and activate() before ACTIVE). */
    private final Object targetLock = new Object();
    private final double[] readBuf = new double[SLOT];
    private final double[] applied = new double[1];
    private volatile RobotiqLoop loop;
    private long rejected;

    public Robotiq2FGripper(RobotiqConfig config, NanoClock clock) {
        this(config, SerialOpener.PORTS, clock, r -> {
            Thread t = new Thread(r, "robotiq-io-" + config.id());
            t.setDaemon(true);
            return t;
        });
    }

    /** Constructor for tests and alternative links; does no I/O. */
    public Robotiq2FGripper(RobotiqConfig config, SerialOpener opener, NanoClock clock, ThreadFactory threads) {
        this.config = config;
        this.opener = opener;
        this.clock = clock;
        this.threads = threads;
        this.life = new DeviceLifecycle(config.id());
        double s = config.strokeMeters();
        this.spec = new HandSpec(HandSpec.Kind.PARALLEL_GRIPPER, List.of("gap"),
                new JointLimits(new double[] {0}, new double[] {s}, new double[] {0.15}),
                List.of("left_pad", "right_pad"), new double[] {s}, new double[] {0});
        this.observation = RobotFeatures.handObservation(config.id(), spec);
        this.action = RobotFeatures.handAction(config.id(), spec);
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public DeviceState state() {
        return life.state();
    }

    @Override
    public String faultReason() {
        return life.faultReason();
    }

    @Override
    public HandSpec spec() {
        return spec;
    }

    @Override
    public FeatureSet observationFeatures() {
        return observation;
    }

    @Override
    public FeatureSet actionFeatures() {
        return action;
    }

    /**
     * Opens the port, reads the status once and starts the I/O thread. No motion. From FAULT, reconnects.
     *
     * @throws DeviceException naming the port and slave when the gripper does not answer
     */
    @Override
    public synchronized void connect() throws DeviceException {
        if (life.state().readable()) {
            return;
        }
        stopLoop();
        ByteStream link;
        try {
            link = opener.open(config.port(), config.baud());
        } catch (IOException e) {
            throw new DeviceException(config.id() + ": " + e.getMessage(), e);
        }
        RobotiqLoop l = new RobotiqLoop(this, new ModbusRtu(link, config.timeoutMs() * 1_000_000L));
        try {
            if (!l.readStatus() && !l.readStatus()) {
                throw new DeviceException(config.id() + ": no Modbus reply from slave " + config.slaveId() + " on "
                        + config.port() + " at " + config.baud() + " baud (power, RS-485 wiring, slave id?)");
            }
        } catch (IOException e) {
            link.close();
            throw new DeviceException(config.id() + ": serial link " + config.port() + " failed: " + e.getMessage(), e);
        } catch (DeviceException e) {
            link.close();
            throw e;
        }
        loop = l;
        life.set(DeviceState.CONNECTED);
        threads.newThread(l).start();
    }

    /**
     * Activates the gripper if needed (the fingers move), then holds the measured opening.
     *
     * @throws DeviceException when not connected or the activation did not complete in time
     */
    @Override
    public synchronized void activate() throws DeviceException {
        if (life.state() == DeviceState.ACTIVE) {
            return;
        }
        if (life.state() != DeviceState.CONNECTED) {
            throw new DeviceException(config.id() + ": cannot activate while " + life.state()
                    + (life.faultReason().isEmpty() ? "" : " (" + life.faultReason() + ")"));
        }
        RobotiqLoop l = loop;
        l.requestActivation();
        long deadline = System.nanoTime() + (config.activationTimeoutMs() + 1000) * 1_000_000L;
        while (!l.activated() && life.state() == DeviceState.CONNECTED && System.nanoTime() < deadline) {
            LockSupport.parkNanos(2_000_000);
        }
        if (!l.activated()) {
            throw new DeviceException(config.id() + ": activation failed: "
                    + (life.faultReason().isEmpty() ? "timeout" : life.faultReason()));
        }
        holdMeasured();
        if (!life.transition(DeviceState.CONNECTED, DeviceState.ACTIVE)) {
            throw new DeviceException(config.id() + ": activation interrupted: " + life.faultReason());
        }
    }

    @Override
    public synchronized void deactivate() {
        life.transition(DeviceState.ACTIVE, DeviceState.CONNECTED);
    }

    @Override
    public synchronized void close() {
        stopLoop();
        life.set(DeviceState.DISCONNECTED);
    }

    private void stopLoop() {
        RobotiqLoop l = loop;
        loop = null;
        if (l != null) {
            l.stop();
        }
    }

    private void holdMeasured() {
        stateSlot.read(readBuf);
        applied[0] = readBuf[1];
        publishTarget(applied);
    }

    /** Latest opening (m); tactile 0 (no sensors). Control thread; allocation-free. */
    @Override
    public void read(HandState out) {
        life.requireReadable();
        long seq = stateSlot.read(readBuf);
        out.positions()[0] = readBuf[1];
        java.util.Arrays.fill(out.tactile(), 0);
        java.util.Arrays.fill(out.normals(), 0);
        out.stamp((long) readBuf[0], seq);
    }

    /** Clamps the opening to [0, stroke] (NaN holds) and hands it to the I/O thread. */
    @Override
    public void send(HandCommand command, HandCommand appliedOut) {
        life.requireActive();
        double g = command.positions()[0];
        if (Double.isFinite(g)) {
            applied[0] = g;
        } else {
            rejected++;
        }
        spec.limits().clampPositions(applied);
        publishTarget(applied);
        appliedOut.set(applied, command.stampNanos());
    }

    /** Latest object detection (gOBJ). Any thread. */
    public GripperStatus.ObjectDetection objectDetection() {
        life.requireReadable();
        stateSlot.read(readBuf);
        return GripperStatus.ObjectDetection.VALUES[(int) readBuf[3]];
    }

    /** Latest motor current (A). Any thread. */
    public double current() {
        life.requireReadable();
        stateSlot.read(readBuf);
        return readBuf[2];
    }

    /** Requests rejected as NaN/infinite. */
    public long rejectedCount() {
        return rejected;
    }

    /** Modbus health counters of the current connection, or null. */
    public ModbusRtu modbus() {
        RobotiqLoop l = loop;
        return l == null ? null : l.modbus();
    }

    RobotiqConfig config() {
        return config;
    }

    NanoClock clock() {
        return clock;
    }

    DeviceLifecycle life() {
        return life;
    }

    SeqLockBuffer stateSlot() {
        return stateSlot;
    }

    SeqLockBuffer targetSlot() {
        return targetSlot;
    }

    static int outAddress() {
        return OUT_ADDR;
    }

    static int inAddress() {
        return IN_ADDR;
    }

    static void log(String id, String reason) {
        LOG.warn("{}: {}", id, reason);
    }

    /** Publishes a target to the I/O thread; the slot has one writer at a time. Allocation-free. */
    private void publishTarget(double[] values) {
        synchronized (targetLock) {
            targetSlot.write(values);
        }
    }
}
