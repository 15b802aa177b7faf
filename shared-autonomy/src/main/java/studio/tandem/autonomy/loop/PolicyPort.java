package studio.tandem.autonomy.loop;

import studio.tandem.autonomy.arbitration.JointGroup;

/**
 * The policy as the loop sees it. Every method runs on the control thread, returns at once and
 * does not allocate: inference happens elsewhere.
 */
public interface PolicyPort {

    /** Whether the policy's actions cover this joint group. */
    boolean drives(JointGroup group);

    /** Hands the latest observation and instruction to the policy (a copy into a latest-value slot). */
    void observe(long nowNanos, Observation observation, String instruction);

    /**
     * Writes the policy's action for loop time {@code nowNanos} into {@code out} (joint targets,
     * radians, arm then hand; groups it does not drive are left untouched).
     *
     * @return false when it has no action for this time (no chunk yet, or every chunk is stale)
     */
    boolean actionAt(long nowNanos, double[] out);

    /** The failure score of the last {@link #actionAt} (≥ 0; NaN when unknown). */
    double failureScore();
}
