package studio.tandem.teleop.robot;

import org.joml.Matrix4d;

/**
 * A command for an arm, in joint space (positions, rad) or Cartesian space (TCP pose in the arm's base
 * frame, m). Preallocated by the writer and reused; {@link Arm#send} fills a second instance with the
 * command actually applied, after clipping, where both the joint positions and the resulting TCP pose
 * are set. Mutable; owned by one thread.
 */
public final class ArmCommand {

    /** Which part of the command is the request. */
    public enum Mode { JOINT_POSITION, CARTESIAN_POSE }

    private Mode mode = Mode.JOINT_POSITION;
    private final double[] positions;
    private final Matrix4d tcp = new Matrix4d();
    private long stampNanos;

    public ArmCommand(int dof) {
        positions = new double[dof];
    }

    public Mode mode() {
        return mode;
    }

    /** Joint position targets (rad); the live array. */
    public double[] positions() {
        return positions;
    }

    /** TCP pose target in the base frame; the live matrix. */
    public Matrix4d tcp() {
        return tcp;
    }

    /** When the command was issued (station clock, ns). */
    public long stampNanos() {
        return stampNanos;
    }

    /** Sets a joint-space request. Returns this. */
    public ArmCommand setJoint(double[] q, long stamp) {
        System.arraycopy(q, 0, positions, 0, positions.length);
        mode = Mode.JOINT_POSITION;
        stampNanos = stamp;
        return this;
    }

    /** Sets a Cartesian request (TCP pose, base frame). Returns this. */
    public ArmCommand setCartesian(Matrix4d pose, long stamp) {
        tcp.set(pose);
        mode = Mode.CARTESIAN_POSE;
        stampNanos = stamp;
        return this;
    }

    public void setMode(Mode m) {
        mode = m;
    }

    public void setStamp(long stamp) {
        stampNanos = stamp;
    }

    public void copyFrom(ArmCommand o) {
        mode = o.mode;
        System.arraycopy(o.positions, 0, positions, 0, positions.length);
        tcp.set(o.tcp);
        stampNanos = o.stampNanos;
    }
}
