package studio.tandem.autonomy.eval;

import java.util.Random;

/**
 * Ornstein–Uhlenbeck offsets (rad) on the arm joints, added to a scripted operator's arm targets while
 * demonstrations are recorded (DART, Laskey et al. 2017): the robot drifts off the script's path and
 * the demonstration labels, the script's own targets, show how to come back. Deterministic per seed;
 * control thread only; allocation-free after the first step (which sizes it to the arm).
 */
public final class ArmNoise {
    private final double std;
    private final double tauSeconds;
    private final Random random;
    /** Correlation time while off: the offsets fade out quickly (s). */
    private static final double FADE_SECONDS = 0.1;
    private double[] offset = new double[0];
    private boolean on = true;

    /**
     * @param stdRad stationary standard deviation of each joint's offset (rad)
     * @param tauSeconds correlation time (s)
     */
    public ArmNoise(double stdRad, double tauSeconds, long seed) {
        if (!(stdRad >= 0) || !(tauSeconds > 0)) {
            throw new IllegalArgumentException("arm noise: std must be >= 0 and tau > 0, was " + stdRad + ", "
                    + tauSeconds);
        }
        this.std = stdRad;
        this.tauSeconds = tauSeconds;
        this.random = new Random(seed);
    }

    /** Turns the noise on, or off (the offsets then fade to zero within a few tenths of a second). */
    public void on(boolean enabled) {
        on = enabled;
    }

    /** Advances the offsets of {@code dof} arm joints by {@code dtSeconds}. */
    void step(double dtSeconds, int dof) {
        if (offset.length != dof) {
            offset = new double[dof];
        }
        double a = Math.exp(-dtSeconds / (on ? tauSeconds : FADE_SECONDS));
        double b = on ? std * Math.sqrt(1 - a * a) : 0;
        for (int j = 0; j < offset.length; j++) {
            offset[j] = a * offset[j] + b * random.nextGaussian();
        }
    }

    /** The current offset of arm joint {@code j} (rad). */
    public double offset(int j) {
        return offset[j];
    }
}
