package studio.tandem.teleop.retarget;

import org.joml.Matrix4d;
import org.joml.Quaterniond;
import org.joml.Vector3d;

import studio.tandem.teleop.kinematics.DlsIkSolver;
import studio.tandem.teleop.kinematics.IkStatus;

/**
 * Adapts the arm's damped-least-squares IK ({@link DlsIkSolver}) to the retargeting pipeline. A
 * best-effort solution is accepted when it is within {@code acceptPosition} metres and
 * {@code acceptOrientation} radians of the target (the next tick refines it, warm-started); otherwise
 * the pipeline holds. Control thread; allocation-free.
 */
public final class DlsJointSolver implements JointSolver {
    private final DlsIkSolver ik;
    private final double acceptPosition;
    private final double acceptOrientation;
    private final Matrix4d target = new Matrix4d();

    public DlsJointSolver(DlsIkSolver ik, double acceptPosition, double acceptOrientation) {
        this.ik = ik;
        this.acceptPosition = acceptPosition;
        this.acceptOrientation = acceptOrientation;
    }

    /** Accepts best-effort solutions within 2 mm and 0.02 rad. */
    public DlsJointSolver(DlsIkSolver ik) {
        this(ik, 2e-3, 2e-2);
    }

    @Override
    public boolean solve(Vector3d position, Quaterniond orientation, double[] seed, double[] out) {
        target.translationRotate(position.x, position.y, position.z, orientation);
        IkStatus s = ik.solve(target, seed, out);
        return s == IkStatus.CONVERGED || (s == IkStatus.BEST_EFFORT
                && ik.lastPositionError() <= acceptPosition && ik.lastOrientationError() <= acceptOrientation);
    }

    public DlsIkSolver ik() {
        return ik;
    }
}
