package studio.tandem.teleop.ur;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;
import org.joml.Matrix4d;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.HardwareDriver;
import studio.tandem.teleop.device.DeviceState;
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
 * A Universal Robots e-Series / CB3 arm over RTDE (protocol v2), no vendor SDK. {@link #connect()} completes
 * the RTDE handshake and streams {@code actual_q}, {@code actual_qd}, {@code actual_TCP_pose} (the TCP set on
 * the pendant, base frame), robot and safety modes at {@code frequencyHz}. {@link #activate()} uploads the
 * servo program ({@link UrServoScript}) on the script port, holding the measured joints, and waits for its
 * heartbeat. Joint commands go to servoj, Cartesian ones (TCP pose, base frame) to servol; the applied joints
 * of a Cartesian command are the local IK estimate. A lost connection, a stall of {@code faultAfterMs} or a
 * safety stop → FAULT with the reason; the robot's watchdogs stop the arm. {@link #read} and {@link #send}
 * run on the control thread and allocate nothing.
 */
public final class UrRtdeArm extends HardwareDriver implements Arm {
    private static final Logger LOG = LoggerFactory.getLogger(UrRtdeArm.class);
    private static final IkConfig IK = IkConfig.defaults().withMaxIterations(60);

    private final UrRtdeConfig config;
    private final NanoClock clock;
    private final DhChain chain;
    private final ForwardKinematics fk;
    private final DlsIkSolver ik;
    private final SeqLockBuffer stateSlot = new SeqLockBuffer(RtdeLoop.SLOT);
    private final SeqLockBuffer targetSlot = new SeqLockBuffer(7);
    private final double[] readBuf = new double[RtdeLoop.SLOT];
    private final double[] target = new double[7];
    private final double[] holdTarget = new double[7];
    private final double[] applied = new double[6];
    private final double[] quat = new double[4];
    private volatile RtdeLoop loop;
    private boolean programSent;
    private long rejected;

    public UrRtdeArm(UrRtdeConfig config, NanoClock clock) {
        this(config, clock, HardwareDriver.daemonThreads("ur-rtde-" + config.id(), Thread.MAX_PRIORITY));
    }

    /** Does no I/O. */
    public UrRtdeArm(UrRtdeConfig config, NanoClock clock, ThreadFactory threads) {
        this(config, clock, threads, UrModel.chain(config.model()).withToolZ(config.tcpZ()));
    }

    private UrRtdeArm(UrRtdeConfig config, NanoClock clock, ThreadFactory threads, DhChain chain) {
        super(config.id(), threads, RobotFeatures.armObservation(config.id(), List.of(chain.jointNames())),
                RobotFeatures.armAction(config.id(), List.of(chain.jointNames())));
        this.config = config;
        this.clock = clock;
        this.chain = chain;
        this.fk = new ForwardKinematics(chain);
        this.ik = new DlsIkSolver(chain, IK);
    }

    @Override
    public DhChain chain() {
        return chain;
    }

    /**
     * RTDE handshake and first data package.
     *
     * @throws DeviceException with the address and what failed
     */
    @Override
    protected Runnable openIo() throws DeviceException {
        RtdeConnection c;
        try {
            c = RtdeConnection.open(config.host(), config.rtdePort(), config.frequencyHz(), config.connectTimeoutMs());
        } catch (IOException e) {
            throw new DeviceException(config.id() + ": " + e.getMessage(), e);
        }
        RtdeLoop l = new RtdeLoop(config, c, clock, life, stateSlot, targetSlot);
        try {
            while (stateSlot.writes() == 0 || l.packages() == 0) {
                if (!l.step()) {
                    throw new IOException("first data package rejected");
                }
            }
        } catch (IOException e) {
            c.close();
            throw new DeviceException(config.id() + ": no RTDE data from " + c.where() + " (" + e.getMessage() + ")", e);
        }
        loop = l;
        return l;
    }

    /**
     * Holds the measured joints, uploads the servo program and waits (2 s at most) for its heartbeat.
     *
     * @throws DeviceException when not connected, the script port refuses, or the program does not start
     */
    @Override
    public synchronized void activate() throws DeviceException {
        if (life.state() == DeviceState.ACTIVE) {
            return;
        }
        requireConnected();
        RtdeLoop l = loop;
        holdMeasured();
        l.enableServo(true);
        int from = l.counter();
        int token = nextToken();
        programSent = true;
        sendScript(UrServoScript.program(config, token));
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < deadline && life.state() == DeviceState.CONNECTED) {
            stateSlot.read(readBuf);
            if (readBuf[RtdeLoop.TOKEN] == token && readBuf[RtdeLoop.HEARTBEAT] > from) {
                if (life.transition(DeviceState.CONNECTED, DeviceState.ACTIVE)) {
                    return;
                }
            }
            LockSupport.parkNanos(2_000_000);
        }
        l.enableServo(false);
        String text = l.connection().lastText();
        throw new DeviceException(config.id() + ": the servo program did not start within 2 s (robot in remote "
                + "control? protective stop?)" + (text.isEmpty() ? "" : "; controller says: " + text)
                + (life.faultReason().isEmpty() ? "" : "; " + life.faultReason()));
    }

    /** The program is told to hold: it runs stopj and waits (commands stop at once). */
    @Override
    protected void afterDeactivate() {
        loop.enableServo(false);
    }

    /** Stops the servo program (a stop program replaces it); RTDE is closed next. */
    @Override
    protected void beforeClose() {
        deactivate();
        if (programSent) {
            programSent = false;
            try {
                sendScript(UrServoScript.stopProgram());
            } catch (DeviceException e) {
                LOG.warn("{}: {}", config.id(), e.getMessage());
            }
        }
    }

    /** A token unlike the one of any program this process started before (wraps after 2^31 activations). */
    private int nextToken() {
        stateSlot.read(readBuf);
        int previous = (int) readBuf[RtdeLoop.TOKEN];
        int t = (int) (System.nanoTime() >>> 10) & 0x7FFFFFFF;
        return t == previous || t == 0 ? t + 1 : t;
    }

    @Override
    protected void stopIo(boolean closing) {
        RtdeLoop l = loop;
        loop = null;
        if (l != null) {
            l.stop();
        }
    }

    private void sendScript(String program) throws DeviceException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(config.host(), config.scriptPort()), config.connectTimeoutMs());
            OutputStream o = s.getOutputStream();
            o.write(program.getBytes(StandardCharsets.US_ASCII));
            o.flush();
        } catch (IOException e) {
            throw new DeviceException(config.id() + ": cannot send the servo program to " + config.host() + ":"
                    + config.scriptPort() + " (" + e.getMessage() + ")", e);
        }
    }

    private void holdMeasured() {
        stateSlot.read(readBuf);
        holdTarget[0] = UrServoScript.MODE_SERVOJ;
        System.arraycopy(readBuf, 1, holdTarget, 1, 6);
        System.arraycopy(readBuf, 1, applied, 0, 6);
        publishTarget(targetSlot, holdTarget);
    }

    /** Latest measured joints (rad), velocities (rad/s) and TCP pose (base frame). Control thread; no allocation. */
    @Override
    public void read(ArmState out) {
        life.requireReadable();
        long seq = stateSlot.read(readBuf);
        System.arraycopy(readBuf, 1, out.positions(), 0, 6);
        System.arraycopy(readBuf, 7, out.velocities(), 0, 6);
        poseToMatrix(readBuf, 13, out.tcp());
        out.stamp((long) readBuf[0], seq);
    }

    /**
     * Joint commands: clamped to the limits, sent to servoj. Cartesian commands: sent to servol as
     * position + rotation vector; {@code applied} gets the requested pose and the local IK joints. NaN or
     * infinite requests are rejected (counted) and the last applied command is held. Control thread.
     */
    @Override
    public void send(ArmCommand command, ArmCommand appliedOut) {
        life.requireActive();
        if (command.mode() == ArmCommand.Mode.CARTESIAN_POSE && finite(command.tcp())) {
            Matrix4d m = command.tcp();
            target[0] = UrServoScript.MODE_SERVOL;
            target[1] = m.m30();
            target[2] = m.m31();
            target[3] = m.m32();
            rotationVector(m, quat, target, 4);
            ik.solve(m, applied, applied);
            publishTarget(targetSlot, target);
            appliedOut.setJoint(applied, command.stampNanos());
            appliedOut.setMode(ArmCommand.Mode.CARTESIAN_POSE);
            appliedOut.tcp().set(m);
            return;
        }
        if (command.mode() == ArmCommand.Mode.JOINT_POSITION && finite(command.positions())) {
            System.arraycopy(command.positions(), 0, applied, 0, 6);
            chain.limits().clampPositions(applied);
        } else {
            rejected++;
        }
        target[0] = UrServoScript.MODE_SERVOJ;
        System.arraycopy(applied, 0, target, 1, 6);
        publishTarget(targetSlot, target);
        appliedOut.setJoint(applied, command.stampNanos());
        fk.tcp(applied, appliedOut.tcp());
    }

    /** Commands rejected for NaN/infinite values (the arm held its last applied command). */
    public long rejectedCount() {
        return rejected;
    }

    /** The controller's software version from the handshake, or empty. */
    public String controllerVersion() {
        RtdeLoop l = loop;
        return l == null ? "" : l.connection().controllerVersion();
    }

    /** The last text message from the controller, or empty. */
    public String lastControllerMessage() {
        RtdeLoop l = loop;
        return l == null ? "" : l.connection().lastText();
    }

    /** Latest safety mode (1 normal, 3 protective stop, ...; see {@link Rtde#safetyMode}). */
    public int safetyMode() {
        stateSlot.read(readBuf);
        return (int) readBuf[RtdeLoop.SAFETY];
    }

    /** Data packages received on this connection. */
    public long packagesReceived() {
        RtdeLoop l = loop;
        return l == null ? 0 : l.packages();
    }

    /** x, y, z (m), rotation vector (rad) at {@code off} → a pose matrix. Allocation-free. */
    static void poseToMatrix(double[] p, int off, Matrix4d out) {
        double rx = p[off + 3];
        double ry = p[off + 4];
        double rz = p[off + 5];
        double angle = Math.sqrt(rx * rx + ry * ry + rz * rz);
        out.translation(p[off], p[off + 1], p[off + 2]);
        if (angle > 1e-12) {
            out.rotate(angle, rx / angle, ry / angle, rz / angle);
        }
    }

    /** The rotation of {@code m} as a rotation vector (axis × angle, rad) at {@code out[off]}. Allocation-free. */
    static void rotationVector(Matrix4d m, double[] quat, double[] out, int off) {
        PoseMath.quaternion(m, quat, 0);
        double w = Math.min(1, quat[3]);
        double s = Math.sqrt(Math.max(0, 1 - w * w));
        double k = s < 1e-9 ? 2 : 2 * Math.acos(w) / s;
        out[off] = quat[0] * k;
        out[off + 1] = quat[1] * k;
        out[off + 2] = quat[2] * k;
    }

    private static boolean finite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private static boolean finite(Matrix4d m) {
        return m.isFinite();
    }
}
