package studio.tandem.teleop.retarget;

import org.joml.Quaterniond;
import org.joml.Vector3d;

import studio.tandem.teleop.input.OperatorDevice;
import studio.tandem.teleop.input.PoseSample;

/**
 * The arm retargeting pipeline, run once per control tick: latest device sample → dropout watchdog
 * → clutch → relative mapping (scale, calibration) → One Euro filter → workspace box → speed and
 * acceleration limits → IK → {@link ArmTarget}. Never waits for the device. Releasing the clutch or
 * any hold re-anchors the mapping, so the target never jumps. An e-stop press latches: the arm holds
 * until {@link #clearEstop()}.
 *
 * <p>Thread: the control thread only. Allocation-free per tick. Frames: device poses in the device
 * base frame, targets in the robot base frame; metres, radians, nanoseconds from the injected clock.
 */
public final class ArmRetargeter {
    private static final double MAX_DT = 0.1;

    private final OperatorDevice device;
    private final ArmRetargetConfig cfg;
    private final JointSolver solver;
    private final DropoutWatchdog watchdog;
    private final ClutchMapper clutch;
    private final PoseFilter filter;
    private final MotionLimiter limiter;
    private final ArmTarget command;
    private final PoseSample sample = new PoseSample();
    private final Vector3d devPos = new Vector3d();
    private final Quaterniond devRot = new Quaterniond();
    private final Vector3d target = new Vector3d();
    private final Quaterniond targetRot = new Quaterniond();
    private final double[] seed;
    private long lastTick = Long.MIN_VALUE;
    private boolean initialized;
    private boolean estopLatched;

    /**
     * @param solver the arm's IK, or null to output TCP targets only
     * @param jointCount number of arm joints (size of the joint targets)
     */
    public ArmRetargeter(OperatorDevice device, ArmRetargetConfig cfg, JointSolver solver, int jointCount) {
        this.device = device;
        this.cfg = cfg;
        this.solver = solver;
        this.watchdog = new DropoutWatchdog(cfg.dropoutNanos());
        this.clutch = new ClutchMapper(cfg.mode(), cfg.translationScale(), cfg.rotation(), cfg.calibration());
        this.filter = new PoseFilter(cfg.filterMinCutoffHz(), cfg.filterBeta(), cfg.filterMinCutoffHz(),
                cfg.filterRotBeta(), 1.0);
        this.limiter = new MotionLimiter(cfg.maxSpeed(), cfg.maxAccel(), cfg.maxAngularSpeed(), cfg.maxAngularAccel());
        this.command = new ArmTarget(jointCount);
        this.seed = new double[jointCount];
    }

    /**
     * Starts from the robot's current TCP pose and joints (robot base frame). Call before the first
     * tick and whenever the operator takes over the arm.
     */
    public void reset(Vector3d tcpPosition, Quaterniond tcpOrientation, double[] joints) {
        target.set(tcpPosition);
        targetRot.set(tcpOrientation).normalize();
        limiter.reset(target, targetRot);
        clutch.release();
        System.arraycopy(joints, 0, seed, 0, seed.length);
        System.arraycopy(joints, 0, command.joints(), 0, seed.length);
        command.position().set(target);
        command.orientation().set(targetRot);
        initialized = true;
    }

    /** Runs one tick at {@code nowNanos} and returns the (reused) command. */
    public ArmTarget tick(long nowNanos) {
        if (!initialized) {
            throw new IllegalStateException("ArmRetargeter.reset must be called before tick");
        }
        double dt = lastTick == Long.MIN_VALUE ? 0 : Math.min(MAX_DT, (nowNanos - lastTick) * 1e-9);
        lastTick = nowNanos;
        command.begin(nowNanos);
        boolean present = device.readPose(cfg.channel(), sample);
        HoldReason reason = watchdog.check(device.state(), present, sample, nowNanos);
        if (present && cfg.estopButton() >= 0 && sample.pressed(cfg.estopButton())) {
            estopLatched = true;
        }
        if (estopLatched) {
            reason = HoldReason.ESTOP;
        }
        double gripper = reason == HoldReason.NONE ? cfg.gripper().closure(sample.trigger()) : command.gripperClosure();
        if (reason != HoldReason.NONE) {
            return hold(reason, gripper);
        }
        boolean clutchHeld = cfg.clutchButton() < 0 || sample.pressed(cfg.clutchButton());
        if (!clutchHeld) {
            clutch.release();
            limiter.reset(target, targetRot);
            command.set(ArmTarget.Mode.CLUTCH_RELEASED, HoldReason.NONE, command.jointsValid(), gripper,
                    sample.captureNanos());
            return command;
        }
        devPos.set(sample.px(), sample.py(), sample.pz());
        devRot.set(sample.qx(), sample.qy(), sample.qz(), sample.qw()).normalize();
        if (!clutch.engaged()) {
            clutch.engage(devPos, devRot, target, targetRot);
            filter.reset(target, targetRot);
        }
        return follow(dt, gripper);
    }

    private ArmTarget follow(double dt, double gripper) {
        Vector3d p = command.position();
        Quaterniond q = command.orientation();
        clutch.map(devPos, devRot, p, q);
        filter.filter(p, q, dt);
        cfg.workspace().clamp(p);
        limiter.step(p, q, dt);
        boolean jointsOk = false;
        if (solver != null) {
            jointsOk = solver.solve(p, q, seed, command.joints());
            if (!jointsOk) {
                System.arraycopy(seed, 0, command.joints(), 0, seed.length);
                p.set(target);
                q.set(targetRot);
                limiter.reset(target, targetRot);
                clutch.release();
                command.set(ArmTarget.Mode.HOLD, HoldReason.IK_FAILED, true, gripper, sample.captureNanos());
                return command;
            }
            System.arraycopy(command.joints(), 0, seed, 0, seed.length);
        }
        target.set(p);
        targetRot.set(q);
        command.set(ArmTarget.Mode.FOLLOW, HoldReason.NONE, jointsOk, gripper, sample.captureNanos());
        return command;
    }

    private ArmTarget hold(HoldReason reason, double gripper) {
        clutch.release();
        limiter.reset(target, targetRot);
        command.position().set(target);
        command.orientation().set(targetRot);
        command.set(ArmTarget.Mode.HOLD, reason, command.jointsValid(), gripper, sample.captureNanos());
        return command;
    }

    /** One line for the operator: what the arm does and why (allocates; call at UI rate, not per tick). */
    public String statusMessage() {
        return switch (command.mode()) {
            case FOLLOW -> device.id() + ": following";
            case CLUTCH_RELEASED -> device.id() + ": clutch released, arm holds";
            case HOLD -> device.id() + ": arm holds: " + command.holdReason().message()
                    + (device.faultReason().isEmpty() ? "" : " (" + device.faultReason() + ")");
        };
    }

    /** Clears a latched e-stop (operator acknowledged, from the UI). The clutch re-engages without a jump. */
    public void clearEstop() {
        estopLatched = false;
    }

    /** Whether an e-stop press holds the arm until {@link #clearEstop()}. */
    public boolean estopLatched() {
        return estopLatched;
    }

    public DropoutWatchdog watchdog() {
        return watchdog;
    }

    public WorkspaceBox workspace() {
        return cfg.workspace();
    }

    public MotionLimiter limiter() {
        return limiter;
    }
}
