package studio.tandem.teleop.robot;

/**
 * Joint position targets for a hand or gripper (rad, or m for a gripper opening). Preallocated and
 * reused; mutable; owned by one thread.
 */
public final class HandCommand {
    private final double[] positions;
    private long stampNanos;

    public HandCommand(int dof) {
        positions = new double[dof];
    }

    /** Targets; the live array. */
    public double[] positions() {
        return positions;
    }

    public long stampNanos() {
        return stampNanos;
    }

    public HandCommand set(double[] q, long stamp) {
        System.arraycopy(q, 0, positions, 0, positions.length);
        stampNanos = stamp;
        return this;
    }

    /** Sets the posture of {@code closure} (0 open .. 1 closed) of {@code spec}. */
    public HandCommand setClosure(HandSpec spec, double closure, long stamp) {
        spec.closurePosture(closure, positions);
        stampNanos = stamp;
        return this;
    }

    public void copyFrom(HandCommand o) {
        System.arraycopy(o.positions, 0, positions, 0, positions.length);
        stampNanos = o.stampNanos;
    }
}
