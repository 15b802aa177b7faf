package studio.tandem.teleop.robot;

/**
 * Measured state of a hand or gripper: joint positions (rad, or m for a gripper opening) and per
 * fingertip tactile values: normal force (N, ≥ 0, 0 without contact) and the mean contact normal
 * (unit vector pointing into the fingertip, world frame; zero without contact). Stamped at capture
 * with the station clock. Mutable; owned by one thread.
 */
public final class HandState {
    private final double[] positions;
    private final double[] tactile;
    private final double[] normals;
    private long stampNanos;
    private long sequence;

    public HandState(int dof, int fingertips) {
        positions = new double[dof];
        tactile = new double[fingertips];
        normals = new double[3 * fingertips];
    }

    /** Joint positions; the live array. */
    public double[] positions() {
        return positions;
    }

    /** Fingertip normal forces (N); the live array. */
    public double[] tactile() {
        return tactile;
    }

    /** Fingertip contact normals, 3 per fingertip (world frame); the live array. */
    public double[] normals() {
        return normals;
    }

    public long stampNanos() {
        return stampNanos;
    }

    public long sequence() {
        return sequence;
    }

    public void stamp(long nanos, long seq) {
        stampNanos = nanos;
        sequence = seq;
    }

    public void copyFrom(HandState o) {
        System.arraycopy(o.positions, 0, positions, 0, positions.length);
        System.arraycopy(o.tactile, 0, tactile, 0, tactile.length);
        System.arraycopy(o.normals, 0, normals, 0, normals.length);
        stampNanos = o.stampNanos;
        sequence = o.sequence;
    }
}
