package studio.tandem.teleop.retarget;

/**
 * The One Euro filter (Casiez, Roussel, Vogel, CHI 2012) for one scalar: an adaptive low-pass whose
 * cutoff rises with speed, so slow motion is smoothed and fast motion lags little. Control thread;
 * allocation-free.
 */
public final class OneEuroFilter {
    private final double minCutoffHz;
    private final double beta;
    private final double derivativeCutoffHz;
    private boolean initialized;
    private double value;
    private double derivative;

    /**
     * @param minCutoffHz cutoff at zero speed (Hz), &gt; 0
     * @param beta speed coefficient (cutoff increase per unit/s)
     * @param derivativeCutoffHz cutoff of the speed estimate (Hz), &gt; 0
     */
    public OneEuroFilter(double minCutoffHz, double beta, double derivativeCutoffHz) {
        if (!(minCutoffHz > 0) || !(derivativeCutoffHz > 0) || !(beta >= 0)) {
            throw new IllegalArgumentException("one euro filter: cutoffs must be > 0 and beta >= 0");
        }
        this.minCutoffHz = minCutoffHz;
        this.beta = beta;
        this.derivativeCutoffHz = derivativeCutoffHz;
    }

    /** Smoothing factor of an exponential filter with the given cutoff for a step of dt seconds. */
    public static double alpha(double cutoffHz, double dtSeconds) {
        double tau = 1.0 / (2 * Math.PI * cutoffHz);
        return 1.0 / (1.0 + tau / dtSeconds);
    }

    /** Filters one sample taken {@code dtSeconds} after the previous one. */
    public double filter(double x, double dtSeconds) {
        if (!initialized || !(dtSeconds > 0)) {
            if (!initialized) {
                value = x;
                derivative = 0;
                initialized = true;
            }
            return value;
        }
        double dx = (x - value) / dtSeconds;
        derivative += alpha(derivativeCutoffHz, dtSeconds) * (dx - derivative);
        double cutoff = minCutoffHz + beta * Math.abs(derivative);
        value += alpha(cutoff, dtSeconds) * (x - value);
        return value;
    }

    /** Forgets the history; the next sample passes through unchanged. */
    public void reset() {
        initialized = false;
    }

    /** Restarts the filter at {@code x} with zero speed. */
    public void reset(double x) {
        value = x;
        derivative = 0;
        initialized = true;
    }

    public double minCutoffHz() {
        return minCutoffHz;
    }

    public double beta() {
        return beta;
    }

    public double derivativeCutoffHz() {
        return derivativeCutoffHz;
    }
}
