package studio.tandem.autonomy.loop;

/**
 * The station's latest measured state, filled by {@link RobotPort#read} on the control thread into
 * preallocated vectors. Joint positions in radians (arm then hand), tactile in the hand's units.
 */
public final class Observation {
    private final double[] joints;
    private final double[] tactile;
    private final double[] commanded;
    private long stampNanos;

    public Observation(LoopLayout layout) {
        joints = new double[layout.joints()];
        tactile = new double[layout.tactileDim()];
        commanded = new double[layout.joints()];
    }

    /** The command the loop executed on the previous tick (radians, arm then hand); filled by the loop. */
    public double[] commanded() {
        return commanded;
    }

    /** Writable by the port; read by the loop. */
    public double[] joints() {
        return joints;
    }

    public double[] tactile() {
        return tactile;
    }

    /** When the state was captured (process clock). */
    public long stampNanos() {
        return stampNanos;
    }

    public void stampNanos(long nanos) {
        stampNanos = nanos;
    }

    void copyFrom(Observation o) {
        System.arraycopy(o.joints, 0, joints, 0, joints.length);
        System.arraycopy(o.tactile, 0, tactile, 0, tactile.length);
        System.arraycopy(o.commanded, 0, commanded, 0, commanded.length);
        stampNanos = o.stampNanos;
    }
}
