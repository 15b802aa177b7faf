package studio.tandem.autonomy.intervention;

/**
 * Detects takeovers: operator motion above a threshold, or a held takeover button, starts an
 * intervention; it ends {@link InterventionConfig#graceNanos()} after the last such input.
 * Control thread only; allocation-free.
 */
public final class InterventionDetector {
    /** {@link #step} result: nothing changed. */
    public static final int NONE = 0;
    /** {@link #step} result: an intervention started this tick. */
    public static final int STARTED = 1;
    /** {@link #step} result: control went back to the policy this tick. */
    public static final int ENDED = 2;

    private final InterventionConfig config;
    private boolean intervening;
    private long lastActiveNanos;
    private long count;

    public InterventionDetector(InterventionConfig config) {
        this.config = config;
    }

    /**
     * @param nowNanos loop time
     * @param motion operator motion on the groups the policy would own (same units as the threshold)
     * @param buttonHeld the takeover button is held
     * @return {@link #NONE}, {@link #STARTED} or {@link #ENDED}
     */
    public int step(long nowNanos, double motion, boolean buttonHeld) {
        boolean active = buttonHeld || motion > config.motionThreshold();
        if (active) {
            lastActiveNanos = nowNanos;
            if (!intervening) {
                intervening = true;
                count++;
                return STARTED;
            }
            return NONE;
        }
        if (intervening && nowNanos - lastActiveNanos >= config.graceNanos()) {
            intervening = false;
            return ENDED;
        }
        return NONE;
    }

    /** Ends an intervention at once (mode switch to TELEOP); returns whether one was running. */
    public boolean cancel() {
        boolean was = intervening;
        intervening = false;
        return was;
    }

    public boolean intervening() {
        return intervening;
    }

    /** Interventions started so far. */
    public long count() {
        return count;
    }
}
