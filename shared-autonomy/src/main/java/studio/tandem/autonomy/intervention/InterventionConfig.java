package studio.tandem.autonomy.intervention;

/**
 * When operator input counts as a takeover.
 *
 * @param motionThreshold operator motion on a group the policy owns, in the device's normalised
 *     units per second (retargeted joint speed, rad/s), above which the operator takes over
 * @param graceNanos how long after the last motion or button the operator keeps control before it
 *     goes back to the policy
 */
public record InterventionConfig(double motionThreshold, long graceNanos) {
    public InterventionConfig {
        if (!(motionThreshold > 0)) {
            throw new IllegalArgumentException("intervention: motion threshold must be > 0, was " + motionThreshold);
        }
        if (graceNanos < 0) {
            throw new IllegalArgumentException("intervention: grace period must be >= 0, was " + graceNanos + " ns");
        }
    }

    /** 0.05 rad/s threshold, 0.5 s grace. */
    public static InterventionConfig defaults() {
        return new InterventionConfig(0.05, 500_000_000L);
    }
}
