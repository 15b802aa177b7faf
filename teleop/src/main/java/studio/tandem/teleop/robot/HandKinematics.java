package studio.tandem.teleop.robot;

/**
 * Forward kinematics of a hand's fingertips, for hand retargeting (fingertip-vector optimisation) and
 * displays. Positions are in the arm's flange frame (z along the approach direction), metres; joints in
 * {@link HandSpec} order and units. Implementations are immutable and allocation-free; any thread.
 */
public interface HandKinematics {

    /** Number of fingertips, in {@link HandSpec#fingertipNames()} order. */
    int fingertips();

    /** Writes x, y, z of every fingertip for joint positions {@code q} into {@code out} (3 per tip). */
    void fingertipPositions(double[] q, double[] out);
}
