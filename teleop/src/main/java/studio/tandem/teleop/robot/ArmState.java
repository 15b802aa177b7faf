package studio.tandem.teleop.robot;

import org.joml.Matrix4d;

/**
 * Measured state of an arm, preallocated by the reader and filled by {@link Arm#read(ArmState)}.
 * Joint positions in rad, velocities in rad/s, TCP pose in the arm's base frame (m), stamped with
 * the station's {@code NanoClock} when captured. Mutable; owned by one thread.
 */
public final class ArmState {
    private final double[] positions;
    private final double[] velocities;
    private final Matrix4d tcp = new Matrix4d();
    private long stampNanos;
    private long sequence;

    public ArmState(int dof) {
        positions = new double[dof];
        velocities = new double[dof];
    }

    public int dof() {
        return positions.length;
    }

    /** Joint positions (rad); the live array, written by the arm on read. */
    public double[] positions() {
        return positions;
    }

    /** Joint velocities (rad/s); the live array. */
    public double[] velocities() {
        return velocities;
    }

    /** TCP pose in the base frame; the live matrix. */
    public Matrix4d tcp() {
        return tcp;
    }

    /** Capture time (station clock, ns). */
    public long stampNanos() {
        return stampNanos;
    }

    /** Increments with every new capture; 0 before the first one. */
    public long sequence() {
        return sequence;
    }

    public void stamp(long nanos, long seq) {
        this.stampNanos = nanos;
        this.sequence = seq;
    }

    public void copyFrom(ArmState o) {
        System.arraycopy(o.positions, 0, positions, 0, positions.length);
        System.arraycopy(o.velocities, 0, velocities, 0, velocities.length);
        tcp.set(o.tcp);
        stampNanos = o.stampNanos;
        sequence = o.sequence;
    }

    /** Writes x, y, z (m), qx, qy, qz, qw of the TCP into {@code out} at {@code offset}. */
    public void tcpPosQuat(double[] out, int offset) {
        out[offset] = tcp.m30();
        out[offset + 1] = tcp.m31();
        out[offset + 2] = tcp.m32();
        PoseMath.quaternion(tcp, out, offset + 3);
    }
}
