package studio.tandem.teleop.retarget;

import org.joml.Matrix4d;
import org.joml.Quaterniond;
import org.joml.Vector3d;

/**
 * What the retargeting pipeline tells the arm each tick: follow a TCP target (and its joint
 * solution), or hold where it is and why. Mutable and reused every tick by {@link ArmRetargeter};
 * read it on the control thread before the next tick.
 */
public final class ArmTarget {
    /** What the arm should do. */
    public enum Mode {
        /** Follow {@link #position()} / {@link #orientation()} (and the joint targets when solved). */
        FOLLOW,
        /** The operator released the clutch: keep the last target; not a fault. */
        CLUTCH_RELEASED,
        /** Hold still: see {@link #holdReason()}. */
        HOLD
    }

    private final Vector3d position = new Vector3d();
    private final Quaterniond orientation = new Quaterniond();
    private final double[] joints;
    private Mode mode = Mode.HOLD;
    private HoldReason holdReason = HoldReason.NEVER_REPORTED;
    private boolean jointsValid;
    private double gripperClosure;
    private long deviceCaptureNanos;
    private long tickNanos;
    private long sequence;

    public ArmTarget(int jointCount) {
        joints = new double[jointCount];
    }

    public Mode mode() {
        return mode;
    }

    /** Why the arm holds; {@link HoldReason#NONE} unless {@link #mode()} is HOLD. */
    public HoldReason holdReason() {
        return holdReason;
    }

    public boolean holding() {
        return mode == Mode.HOLD;
    }

    /** TCP target position, robot base frame, metres (the last target while holding). */
    public Vector3d position() {
        return position;
    }

    /** TCP target orientation, robot base frame. */
    public Quaterniond orientation() {
        return orientation;
    }

    /** Joint targets (rad), valid only if {@link #jointsValid()}. Do not modify. */
    public double[] joints() {
        return joints;
    }

    public boolean jointsValid() {
        return jointsValid;
    }

    /** Gripper closure from the trigger, 0 open .. 1 closed. */
    public double gripperClosure() {
        return gripperClosure;
    }

    /** Capture time of the device sample this command came from (latency measurement). */
    public long deviceCaptureNanos() {
        return deviceCaptureNanos;
    }

    public long tickNanos() {
        return tickNanos;
    }

    public long sequence() {
        return sequence;
    }

    /**
     * Writes this target as a robot command: joint positions when the IK solved them, else the TCP
     * pose. While holding, that is the last target, so the arm stays where it was commanded.
     */
    public studio.tandem.teleop.robot.ArmCommand writeTo(studio.tandem.teleop.robot.ArmCommand out, Matrix4d scratch) {
        if (jointsValid) {
            return out.setJoint(joints, tickNanos);
        }
        scratch.translationRotate(position.x, position.y, position.z, orientation);
        return out.setCartesian(scratch, tickNanos);
    }

    void begin(long tickNanos) {
        this.tickNanos = tickNanos;
        sequence++;
    }

    void set(Mode mode, HoldReason reason, boolean jointsValid, double gripper, long captureNanos) {
        this.mode = mode;
        this.holdReason = reason;
        this.jointsValid = jointsValid;
        this.gripperClosure = gripper;
        this.deviceCaptureNanos = captureNanos;
    }
}
