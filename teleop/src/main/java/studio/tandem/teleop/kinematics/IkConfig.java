package studio.tandem.teleop.kinematics;

/**
 * Tuning of the damped-least-squares IK.
 *
 * @param maxIterations iteration budget per solve
 * @param positionTolerance converged when the TCP position error is below this (m)
 * @param orientationTolerance converged when the TCP orientation error is below this (rad)
 * @param lambdaMax damping (m) applied at a singularity; the damping fades to {@code lambdaMin} as the
 *                  manipulability rises above {@code manipulabilityThreshold}
 * @param lambdaMin damping (m) far from singularities, keeps the normal equations well conditioned
 * @param manipulabilityThreshold Yoshikawa manipulability sqrt(det(J·Jᵀ)) below which damping grows
 * @param maxJointStep largest change of any joint per iteration (rad)
 * @param maxLinearStep largest TCP translation error fed into one iteration (m)
 * @param maxAngularStep largest TCP rotation error fed into one iteration (rad)
 */
public record IkConfig(int maxIterations, double positionTolerance, double orientationTolerance,
                       double lambdaMax, double lambdaMin, double manipulabilityThreshold,
                       double maxJointStep, double maxLinearStep, double maxAngularStep) {

    public IkConfig {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("ik: maxIterations must be >= 1, was " + maxIterations);
        }
        if (!(positionTolerance > 0) || !(orientationTolerance > 0)) {
            throw new IllegalArgumentException("ik: tolerances must be > 0");
        }
        if (!(lambdaMax >= lambdaMin) || !(lambdaMin >= 0)) {
            throw new IllegalArgumentException("ik: need 0 <= lambdaMin <= lambdaMax");
        }
        if (!(maxJointStep > 0) || !(maxLinearStep > 0) || !(maxAngularStep > 0)) {
            throw new IllegalArgumentException("ik: step limits must be > 0");
        }
    }

    /** Sub-millimetre, sub-milliradian solutions; tuned for a UR-sized arm. */
    public static IkConfig defaults() {
        return new IkConfig(150, 1e-4, 1e-3, 0.08, 1e-4, 0.01, 0.35, 0.15, 0.6);
    }

    public IkConfig withMaxIterations(int it) {
        return new IkConfig(it, positionTolerance, orientationTolerance, lambdaMax, lambdaMin,
                manipulabilityThreshold, maxJointStep, maxLinearStep, maxAngularStep);
    }
}
