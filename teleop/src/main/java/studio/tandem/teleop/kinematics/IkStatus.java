package studio.tandem.teleop.kinematics;

/** Outcome of one inverse-kinematics solve. */
public enum IkStatus {
    /** Position and orientation errors are within the tolerances. */
    CONVERGED,
    /**
     * The iteration budget ran out (target out of reach, blocked by joint limits, or near a singularity):
     * the output is the best joint configuration found, within limits, never NaN.
     */
    BEST_EFFORT,
    /** The target or the seed contained NaN or infinity; the output is the seed clamped to the limits. */
    INVALID_INPUT
}
