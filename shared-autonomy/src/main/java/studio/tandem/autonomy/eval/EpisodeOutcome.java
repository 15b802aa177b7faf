package studio.tandem.autonomy.eval;

/**
 * How one evaluation episode went.
 *
 * @param success the object was lifted and still held at the end
 * @param seconds simulated time until the operator's script finished (s)
 * @param operatorEffort integrated operator input (rad)
 * @param interventions takeovers during the episode
 * @param liftMetres how high the object ended above its start (m)
 * @param failureAlerts failure-monitor alerts (0 without a calibrated threshold)
 */
public record EpisodeOutcome(boolean success, double seconds, double operatorEffort, long interventions,
        double liftMetres, long failureAlerts) {
}
