package studio.tandem.teleop.robotiq;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.DeviceLifecycle;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.device.HardwareDriver;
import studio.tandem.teleop.device.ParallelGripperDriver;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.serial.SerialOpener;

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
public final class Robotiq2FGripper extends ParallelGripperDriver {
    private static final int OUT_ADDR = 1000;
    private static final int IN_ADDR = 2000;
    /** [stamp, gap m, current A, gOBJ, gSTA, gFLT]. */
    private static final int SLOT = 6;

    private final RobotiqConfig config;
    private final SerialOpener opener;
    private final NanoClock clock;
    private volatile RobotiqLoop loop;

    public Robotiq2FGripper(RobotiqConfig config, NanoClock clock) {
        this(config, SerialOpener.PORTS, clock,
                HardwareDriver.daemonThreads("robotiq-io-" + config.id(), Thread.NORM_PRIORITY));
    }

    /** Constructor for tests and alternative links; does no I/O. */
    public Robotiq2FGripper(RobotiqConfig config, SerialOpener opener, NanoClock clock, ThreadFactory threads) {
        super(config.id(), threads, HandSpec.parallelGripper(config.strokeMeters(), 0.15), SLOT);
        this.config = config;
        this.opener = opener;
        this.clock = clock;
    }

    /**
     * Opens the port and reads the status once. No motion.
     *
     * @throws DeviceException naming the port and slave when the gripper does not answer
     */
    @Override
    protected Runnable openIo() throws DeviceException {
        RobotiqLoop l = opener.openAndProbe(config.id(), config.port(), config.baud(), link -> {
            RobotiqLoop probed = new RobotiqLoop(this, new ModbusRtu(link, config.timeoutMs() * 1_000_000L),
                    stateSlot(), targetSlot());
            if (!probed.readStatus() && !probed.readStatus()) {
                throw new DeviceException(config.id() + ": no Modbus reply from slave " + config.slaveId() + " on "
                        + config.port() + " at " + config.baud() + " baud (power, RS-485 wiring, slave id?)");
            }
            return probed;
        });
        loop = l;
        return l;
    }

    /**
     * Activates the gripper if needed (the fingers move), then holds the measured opening.
     *
     * @throws DeviceException when the activation did not complete in time
     */
    @Override
    protected void prepareActive() throws DeviceException {
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
    }

    @Override
    protected void stopIo(boolean closing) {
        RobotiqLoop l = loop;
        loop = null;
        if (l != null) {
            l.stop();
        }
    }

    /** Latest object detection (gOBJ). Any thread. */
    public GripperStatus.ObjectDetection objectDetection() {
        return GripperStatus.ObjectDetection.VALUES[(int) latest(3)];
    }

    /** Latest motor current (A). Any thread. */
    public double current() {
        return latest(2);
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

    static int outAddress() {
        return OUT_ADDR;
    }

    static int inAddress() {
        return IN_ADDR;
    }
}
