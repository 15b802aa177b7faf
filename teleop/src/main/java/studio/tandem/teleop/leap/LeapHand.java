package studio.tandem.teleop.leap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.HardwareDriver;
import studio.tandem.teleop.robot.Hand;
import studio.tandem.teleop.robot.HandCommand;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.robot.HandState;
import studio.tandem.teleop.robot.RobotFeatures;
import studio.tandem.teleop.serial.SerialOpener;
import studio.tandem.teleop.sim.SeqLockBuffer;

/**
 * The LEAP hand over Dynamixel Protocol 2.0: 16 motors in current-based position mode (the current limit
 * bounds the grip force). One I/O thread per hand cycles at {@code rateHz}: a sync write of the goal
 * positions (ACTIVE only), then a sync read of present current, velocity and position, published as the
 * latest state. Torque comes on at {@link #activate()} with the goal set to the measured posture (no jump);
 * {@link #deactivate()} stops taking commands and the motors keep their last goal (a grasp stays closed);
 * {@link #close()} turns the torque off. When any motor stays silent for {@code faultAfterMs}, or the serial
 * link is lost, the hand enters FAULT with a message naming the motors or the port; motors keep their last
 * goal. {@link #read} and {@link #send} run on the
 * control thread and allocate nothing.
 */
public final class LeapHand extends HardwareDriver implements Hand {
    private static final int N = LeapHandConfig.MOTORS;

    private final LeapHandConfig config;
    private final SerialOpener opener;
    private final NanoClock clock;
    private final HandSpec spec;
    /** [stamp, positions 16, velocities 16, currents 16 (A)]. */
    private final SeqLockBuffer stateSlot = new SeqLockBuffer(1 + 3 * N);
    private final SeqLockBuffer targetSlot = new SeqLockBuffer(N);
    private final double[] readBuf = new double[1 + 3 * N];
    private final double[] applied = new double[N];
    private volatile LeapBusLoop loop;
    private long rejected;

    /** A LEAP hand on real serial ports, stamped with {@code clock}, I/O on daemon threads. */
    public LeapHand(LeapHandConfig config, NanoClock clock) {
        this(config, SerialOpener.PORTS, clock,
                HardwareDriver.daemonThreads("leap-io-" + config.id(), Thread.NORM_PRIORITY));
    }

    /** Constructor for tests and alternative links; does no I/O. */
    public LeapHand(LeapHandConfig config, SerialOpener opener, NanoClock clock, ThreadFactory threads) {
        this(config, opener, clock, threads, LeapSpec.spec());
    }

    private LeapHand(LeapHandConfig config, SerialOpener opener, NanoClock clock, ThreadFactory threads,
                     HandSpec spec) {
        super(config.id(), threads, RobotFeatures.handObservation(config.id(), spec),
                RobotFeatures.handAction(config.id(), spec));
        this.config = config;
        this.opener = opener;
        this.clock = clock;
        this.spec = spec;
    }

    @Override
    public HandSpec spec() {
        return spec;
    }

    /**
     * Opens the port, checks that all 16 motors answer a ping, configures current-based position mode,
     * gains and current limit (torque off) and reads the posture once.
     *
     * @throws DeviceException naming the port or the silent motors
     */
    @Override
    protected Runnable openIo() throws DeviceException {
        LeapBusLoop l = opener.openAndProbe(config.id(), config.port(), config.baud(), link -> {
            DynamixelBus bus = new DynamixelBus(link, config.timeoutMs() * 1_000_000L);
            LeapBusLoop probed = new LeapBusLoop(config, bus, clock, stateSlot, targetSlot, life);
            checkMotors(bus);
            configure(bus);
            if (!probed.cycleOnce()) {
                throw new DeviceException(config.id() + ": first state read failed, silent motors "
                        + probed.missingMotors());
            }
            return probed;
        });
        loop = l;
        return l;
    }

    private void checkMotors(DynamixelBus bus) throws IOException, DeviceException {
        List<Integer> silent = new ArrayList<>();
        for (int id : config.motorIds()) {
            if (!bus.ping(id) && !bus.ping(id) && !bus.ping(id)) {
                silent.add(id);
            }
        }
        if (!silent.isEmpty()) {
            throw new DeviceException(config.id() + ": motors " + silent + " do not answer on " + config.port()
                    + " at " + config.baud() + " baud (power, cable, IDs or baud rate?)");
        }
    }

    private void configure(DynamixelBus bus) throws IOException, DeviceException {
        int[] ids = config.motorIds();
        int[] v = new int[N];
        bus.syncWrite(ControlTable.TORQUE_ENABLE, 1, ids, v, N);
        java.util.Arrays.fill(v, ControlTable.MODE_CURRENT_BASED_POSITION);
        bus.syncWrite(ControlTable.OPERATING_MODE, 1, ids, v, N);
        java.util.Arrays.fill(v, config.kP());
        bus.syncWrite(ControlTable.POSITION_P_GAIN, 2, ids, v, N);
        java.util.Arrays.fill(v, config.kI());
        bus.syncWrite(ControlTable.POSITION_I_GAIN, 2, ids, v, N);
        java.util.Arrays.fill(v, config.kD());
        bus.syncWrite(ControlTable.POSITION_D_GAIN, 2, ids, v, N);
        java.util.Arrays.fill(v, config.currentLimit());
        bus.syncWrite(ControlTable.GOAL_CURRENT, 2, ids, v, N);
        if (!bus.write(ids[0], ControlTable.OPERATING_MODE, 1, ControlTable.MODE_CURRENT_BASED_POSITION)) {
            throw new DeviceException(config.id() + ": motor " + ids[0] + " rejected current-based position mode ("
                    + DynamixelPacket.errorText(bus.lastError()) + ")");
        }
    }

    /**
     * Sets the goal to the measured posture, then enables torque (on the I/O thread; waits up to one second).
     *
     * @throws DeviceException when the torque could not be enabled
     */
    @Override
    protected void prepareActive() throws DeviceException {
        holdMeasured();
        if (!loop.enableTorque(1_000_000_000L)) {
            throw new DeviceException(config.id() + ": torque enable not confirmed: " + life.faultReason());
        }
    }

    /** Stops the I/O thread; at close, turns the torque off first. */
    @Override
    protected void stopIo(boolean closing) {
        LeapBusLoop l = loop;
        loop = null;
        if (l != null) {
            l.stop(closing);
        }
    }

    private void holdMeasured() {
        stateSlot.read(readBuf);
        System.arraycopy(readBuf, 1, applied, 0, N);
        publishTarget(targetSlot, applied);
    }

    /** Latest joint positions (rad); tactile stays 0 (no sensors). Control thread; allocation-free. */
    @Override
    public void read(HandState out) {
        life.requireReadable();
        long seq = stateSlot.read(readBuf);
        System.arraycopy(readBuf, 1, out.positions(), 0, N);
        java.util.Arrays.fill(out.tactile(), 0);
        java.util.Arrays.fill(out.normals(), 0);
        out.stamp((long) readBuf[0], seq);
    }

    /**
     * Latest joint velocities (rad/s) and motor currents (A) into arrays of 16. Any thread; allocation-free.
     */
    public void readMotors(double[] velocities, double[] currents) {
        life.requireReadable();
        stateSlot.read(readBuf);
        System.arraycopy(readBuf, 1 + N, velocities, 0, N);
        System.arraycopy(readBuf, 1 + 2 * N, currents, 0, N);
    }

    /** Clamps targets to the joint limits (NaN holds that joint) and hands them to the I/O thread. */
    @Override
    public void send(HandCommand command, HandCommand appliedOut) {
        life.requireActive();
        double[] req = command.positions();
        for (int i = 0; i < N; i++) {
            if (Double.isFinite(req[i])) {
                applied[i] = req[i];
            } else {
                rejected++;
            }
        }
        spec.limits().clampPositions(applied);
        publishTarget(targetSlot, applied);
        appliedOut.set(applied, command.stampNanos());
    }

    /** Target values rejected as NaN/infinite (the joint held its previous target). */
    public long rejectedCount() {
        return rejected;
    }

    /** Bus health counters (CRC errors, timeouts...) of the current connection, or null when disconnected. */
    public DynamixelBus bus() {
        LeapBusLoop l = loop;
        return l == null ? null : l.bus();
    }
}
