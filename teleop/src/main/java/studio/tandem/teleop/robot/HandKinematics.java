package studio.tandem.teleop.robot;

/**
 * Forward kinematics of a hand's fingertips, for hand retargeting (fingertip-vector optimisation) and
 * displays. Positions are in the arm's flange frame (z along the approach direction), metres; joints in
 * {@link HandSpec} order and units (rad, m for a gripper opening). Each fingertip is moved by one
 * contiguous run of joints ({@link #firstJoint}, {@link #jointCount}). Implementations are immutable and
 * allocation-free; any thread.
 */
public interface HandKinematics {

    /** Number of fingertips, in {@link HandSpec#fingertipNames()} order. */
    int fingertips();

    /** Index of the first joint that moves fingertip {@code tip}. */
    int firstJoint(int tip);

    /** Number of joints (from {@link #firstJoint}) that move fingertip {@code tip}. */
    int jointCount(int tip);

    /** Writes x, y, z of fingertip {@code tip} for joint positions {@code q} into {@code out[offset..offset+2]}. */
    void tipPosition(int tip, double[] q, double[] out, int offset);

    /**
     * Writes the fingertip's position into {@code pos[0..2]} and its Jacobian with respect to its own
     * joints into {@code jac}, row-major 3 × {@link #jointCount} (m per joint unit).
     */
    void tipJacobian(int tip, double[] q, double[] pos, double[] jac);

    /** Writes x, y, z of every fingertip for joint positions {@code q} into {@code out} (3 per tip). */
    default void fingertipPositions(double[] q, double[] out) {
        for (int t = 0; t < fingertips(); t++) {
            tipPosition(t, q, out, 3 * t);
        }
    }

    /** True when no joint moves two fingertips (each tip can be solved on its own). */
    default boolean independentFingers() {
        int next = 0;
        for (int t = 0; t < fingertips(); t++) {
            if (firstJoint(t) < next) {
                return false;
            }
            next = firstJoint(t) + jointCount(t);
        }
        return true;
    }
}
