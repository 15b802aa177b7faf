package studio.tandem.autonomy.failure;

/**
 * Calls the human when the policy looks wrong: a per-step failure score (disagreement between
 * overlapping action chunks, or a failure output the model declares) above a threshold raises an
 * alert and, if configured, pauses the policy until the operator resumes it. Scores are
 * dimensionless; NaN (unknown) never alerts. {@link #step} on the control thread; {@link #resume()}
 * from any thread.
 */
public final class FailureMonitor {
    /** {@link #step} result: nothing new. */
    public static final int NONE = 0;
    /** {@link #step} result: the score crossed the threshold this step. */
    public static final int ALERT = 1;

    private final double threshold;
    private volatile boolean pauseOnFailure;
    private final int consecutiveSteps;
    private int above;
    private boolean alerting;
    private volatile boolean paused;
    private volatile long alerts;

    /**
     * @param threshold score above which a step counts as failing
     * @param consecutiveSteps failing steps in a row before an alert (≥ 1), against one-tick spikes
     * @param pauseOnFailure pause the policy on an alert
     */
    public FailureMonitor(double threshold, int consecutiveSteps, boolean pauseOnFailure) {
        if (!(threshold > 0) || consecutiveSteps < 1) {
            throw new IllegalArgumentException("failure monitor: threshold must be > 0 and steps >= 1, was "
                    + threshold + " and " + consecutiveSteps);
        }
        this.threshold = threshold;
        this.pauseOnFailure = pauseOnFailure;
        this.consecutiveSteps = consecutiveSteps;
    }

    /** A monitor that never alerts. */
    public static FailureMonitor disabled() {
        return new FailureMonitor(Double.MAX_VALUE, Integer.MAX_VALUE, false);
    }

    public int step(double score) {
        if (score > threshold) {
            above++;
        } else {
            above = 0;
            alerting = false;
            return NONE;
        }
        if (above >= consecutiveSteps && !alerting) {
            alerting = true;
            alerts++;
            if (pauseOnFailure) {
                paused = true;
            }
            return ALERT;
        }
        return NONE;
    }

    public boolean paused() {
        return paused;
    }

    public boolean pausesOnFailure() {
        return pauseOnFailure;
    }

    /**
     * Whether the next alert pauses the policy (the operator's switch, changed while the loop runs).
     * Turning it off does not resume a policy already paused: {@link #resume()} does. Any thread.
     */
    public void pausesOnFailure(boolean on) {
        pauseOnFailure = on;
    }

    /** Lets a paused policy act again. Any thread. */
    public void resume() {
        paused = false;
    }

    public long alerts() {
        return alerts;
    }

    public double threshold() {
        return threshold;
    }
}
