package studio.tandem.teleop.retarget;

import org.joml.Quaterniond;
import org.joml.Vector3d;

/**
 * Inverse kinematics as the retargeting pipeline needs it: the arm's IK (teleop.kinematics) is
 * adapted to this. Control thread; implementations must not allocate per call.
 */
@FunctionalInterface
public interface JointSolver {

    /**
     * Solves for joint positions (rad) reaching the TCP pose (robot base frame, metres), warm-started
     * from {@code seed}.
     *
     * @param out receives the solution (may be the best effort when returning false)
     * @return true if the solution reaches the target within the solver's tolerance
     */
    boolean solve(Vector3d position, Quaterniond orientation, double[] seed, double[] out);
}
