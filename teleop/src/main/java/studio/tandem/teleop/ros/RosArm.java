package studio.tandem.teleop.ros;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.joml.Matrix4d;
import org.joml.Quaterniond;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.HardwareDriver;
import studio.tandem.teleop.kinematics.DhChain;
import studio.tandem.teleop.kinematics.DlsIkSolver;
import studio.tandem.teleop.kinematics.ForwardKinematics;
import studio.tandem.teleop.kinematics.IkConfig;
import studio.tandem.teleop.robot.Arm;
import studio.tandem.teleop.robot.ArmCommand;
import studio.tandem.teleop.robot.ArmState;
import studio.tandem.teleop.robot.PoseMath;
import studio.tandem.teleop.robot.RobotFeatures;
import studio.tandem.teleop.sim.SeqLockBuffer;

/**
 * A ROS 2 arm (e.g. a Franka FR3 with the CRISP controllers) through rosbridge v2. State: {@code joint_states}
 * (mapped by joint name) and {@code current_pose} (base frame; until it arrives, the TCP comes from the
 * model's forward kinematics). Commands: Cartesian ones go to {@code target_pose}, joint ones to
 * {@code target_joint}; the republisher thread sends the latest target at {@code rateHz} (≥ 50 Hz) while
 * ACTIVE. {@link #activate()} first holds the measured pose. A lost connection or stalled {@code joint_states}
 * → FAULT with the reason; publishing stops and the controller holds its last target. {@link #read} and
 * {@link #send} run on the control thread and allocate nothing.
 */
public final class RosArm extends HardwareDriver implements Arm {
    private static final IkConfig IK = IkConfig.defaults().withMaxIterations(60);

    private final RosArmConfig config;
    private final NanoClock clock;
    private final DhChain chain;
    private final int dof;
    private final ForwardKinematics fk;
    private final DlsIkSolver ik;
    private final SeqLockBuffer stateSlot;
    private final SeqLockBuffer targetSlot;
    private final double[] readBuf;
    private final double[] target;
    private final double[] applied;
    private final double[] quat = new double[4];
    private final Quaterniond rotation = new Quaterniond();
    private volatile RosArmLink link;
    private volatile RosbridgeClient client;
    private long rejected;

    public RosArm(RosArmConfig config, NanoClock clock) {
        this(config, clock, HardwareDriver.daemonThreads("rosbridge-" + config.id(), Thread.NORM_PRIORITY));
    }

    /** Does no I/O. */
    public RosArm(RosArmConfig config, NanoClock clock, ThreadFactory threads) {
        this(config, clock, threads, ArmModels.chain(config.model()));
    }

    private RosArm(RosArmConfig config, NanoClock clock, ThreadFactory threads, DhChain chain) {
        super(config.id(), threads, RobotFeatures.armObservation(config.id(), List.of(chain.jointNames())),
                RobotFeatures.armAction(config.id(), List.of(chain.jointNames())));
        this.config = config;
        this.clock = clock;
        this.chain = chain;
        this.dof = chain.dof();
        this.fk = new ForwardKinematics(chain);
        this.ik = new DlsIkSolver(chain, IK);
        this.stateSlot = new SeqLockBuffer(RosArmLink.slotSize(dof));
        this.targetSlot = new SeqLockBuffer(1 + Math.max(dof, 7));
        this.readBuf = new double[stateSlot.size()];
        this.target = new double[targetSlot.size()];
        this.applied = new double[dof];
    }

    @Override
    public DhChain chain() {
        return chain;
    }

    /**
     * Opens the WebSocket, advertises and subscribes, waits for the first complete {@code joint_states}, starts
     * the republisher.
     *
     * @throws DeviceException naming the URL or the silent topic
     */
    @Override
    protected Runnable openIo() throws DeviceException {
        AtomicReference<RosArmLink> holder = new AtomicReference<>();
        Duration timeout = Duration.ofMillis(config.connectTimeoutMs());
        RosbridgeClient c;
        try {
            c = RosbridgeClient.connect(config.url(), timeout, reason -> {
                RosArmLink l = holder.get();
                if (l != null) {
                    l.lost(reason);
                }
            });
        } catch (IOException e) {
            throw new DeviceException(config.id() + ": " + e.getMessage(), e);
        }
        RosArmLink l = new RosArmLink(config, c, clock, life, stateSlot, targetSlot, dof);
        holder.set(l);
        long before = stateSlot.writes();
        try {
            l.start();
        } catch (IOException e) {
            c.close();
            throw new DeviceException(config.id() + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (stateSlot.writes() == before && System.nanoTime() < deadline && c.isOpen()) {
            LockSupport.parkNanos(2_000_000);
        }
        if (stateSlot.writes() == before) {
            c.close();
            throw new DeviceException(config.id() + ": no complete " + config.resolve(config.jointStates()) + " with "
                    + config.rosJointNames() + " from " + config.url() + " within " + config.connectTimeoutMs()
                    + " ms (controller running? namespace? joint_names?)");
        }
        client = c;
        link = l;
        l.primeWatchdog();
        return l;
    }

    /** Holds the measured pose (or joints, before any current_pose) and starts republishing. */
    @Override
    protected void prepareActive() {
        stateSlot.read(readBuf);
        System.arraycopy(readBuf, 1, applied, 0, dof);
        if (readBuf[readBuf.length - 2] == 1) {
            target[0] = RosArmLink.POSE;
            System.arraycopy(readBuf, 1 + 2 * dof, target, 1, 7);
        } else {
            target[0] = RosArmLink.JOINT;
            System.arraycopy(applied, 0, target, 1, dof);
        }
        publishTarget(targetSlot, target);
    }

    /** Stops republishing (deactivate: the controller holds the last target) and closes the connection. */
    @Override
    protected void stopIo(boolean closing) {
        RosArmLink l = link;
        link = null;
        client = null;
        if (l != null) {
            l.stop();
        }
    }

    /** Latest joints (rad), velocities (rad/s) and TCP (base frame). Control thread; allocation-free. */
    @Override
    public void read(ArmState out) {
        life.requireReadable();
        long seq = stateSlot.read(readBuf);
        System.arraycopy(readBuf, 1, out.positions(), 0, dof);
        System.arraycopy(readBuf, 1 + dof, out.velocities(), 0, dof);
        int p = 1 + 2 * dof;
        if (readBuf[readBuf.length - 2] == 1) {
            rotation.set(readBuf[p + 3], readBuf[p + 4], readBuf[p + 5], readBuf[p + 6]).normalize();
            out.tcp().translationRotate(readBuf[p], readBuf[p + 1], readBuf[p + 2], rotation);
        } else {
            fk.tcp(out.positions(), out.tcp());
        }
        out.stamp((long) readBuf[0], seq);
    }

    /**
     * Cartesian: the pose goes to {@code target_pose} ({@code applied} joints are the local IK estimate).
     * Joint: clamped to the limits, to {@code target_joint}. NaN/infinite requests are rejected (counted) and
     * the previous target is kept. Control thread; allocation-free.
     */
    @Override
    public void send(ArmCommand command, ArmCommand appliedOut) {
        life.requireActive();
        if (command.mode() == ArmCommand.Mode.CARTESIAN_POSE && command.tcp().isFinite()) {
            Matrix4d m = command.tcp();
            target[0] = RosArmLink.POSE;
            target[1] = m.m30();
            target[2] = m.m31();
            target[3] = m.m32();
            PoseMath.quaternion(m, quat, 0);
            System.arraycopy(quat, 0, target, 4, 4);
            publishTarget(targetSlot, target);
            ik.solve(m, applied, applied);
            appliedOut.setJoint(applied, command.stampNanos());
            appliedOut.setMode(ArmCommand.Mode.CARTESIAN_POSE);
            appliedOut.tcp().set(m);
            return;
        }
        if (command.mode() == ArmCommand.Mode.JOINT_POSITION && finite(command.positions())) {
            System.arraycopy(command.positions(), 0, applied, 0, dof);
            chain.limits().clampPositions(applied);
            target[0] = RosArmLink.JOINT;
            System.arraycopy(applied, 0, target, 1, dof);
            publishTarget(targetSlot, target);
        } else {
            rejected++;
        }
        appliedOut.setJoint(applied, command.stampNanos());
        fk.tcp(applied, appliedOut.tcp());
    }

    /** Commands rejected for NaN/infinite values. */
    public long rejectedCount() {
        return rejected;
    }

    /** Targets published on this connection. */
    public long targetsPublished() {
        RosArmLink l = link;
        return l == null ? 0 : l.published();
    }

    /** The rosbridge client of the current connection (service calls, counters), or null. */
    public RosbridgeClient client() {
        return client;
    }

    private static boolean finite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}
