package studio.tandem.autonomy.safety;

import java.util.Arrays;

/**
 * Per-joint limits of the whole command vector (arm joints first, then hand joints), in the
 * joint units of the robot: radians (or metres for prismatic joints), per second, per second².
 *
 * @param minPosition lower position limit per joint
 * @param maxPosition upper position limit per joint
 * @param maxVelocity speed limit per joint (&gt; 0), units per second
 * @param maxAcceleration acceleration limit per joint (&gt; 0), units per second²
 */
public record SafetyLimits(double[] minPosition, double[] maxPosition, double[] maxVelocity,
        double[] maxAcceleration) {

    public SafetyLimits {
        int n = minPosition.length;
        if (maxPosition.length != n || maxVelocity.length != n || maxAcceleration.length != n) {
            throw new IllegalArgumentException("safety limits: arrays of different lengths (min " + n
                    + ", max " + maxPosition.length + ", velocity " + maxVelocity.length
                    + ", acceleration " + maxAcceleration.length + ")");
        }
        for (int i = 0; i < n; i++) {
            if (!(minPosition[i] <= maxPosition[i])) {
                throw new IllegalArgumentException("safety limits: joint " + i + " min " + minPosition[i]
                        + " is above max " + maxPosition[i]);
            }
            if (!(maxVelocity[i] > 0) || !(maxAcceleration[i] > 0)) {
                throw new IllegalArgumentException("safety limits: joint " + i
                        + " velocity and acceleration limits must be > 0");
            }
        }
        minPosition = minPosition.clone();
        maxPosition = maxPosition.clone();
        maxVelocity = maxVelocity.clone();
        maxAcceleration = maxAcceleration.clone();
    }

    /** Same limits for every one of {@code n} joints. */
    public static SafetyLimits uniform(int n, double min, double max, double velocity, double acceleration) {
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] v = new double[n];
        double[] a = new double[n];
        Arrays.fill(lo, min);
        Arrays.fill(hi, max);
        Arrays.fill(v, velocity);
        Arrays.fill(a, acceleration);
        return new SafetyLimits(lo, hi, v, a);
    }

    /** Concatenates the limits of two joint groups (e.g. arm then hand). */
    public SafetyLimits concat(SafetyLimits other) {
        return new SafetyLimits(join(minPosition, other.minPosition), join(maxPosition, other.maxPosition),
                join(maxVelocity, other.maxVelocity), join(maxAcceleration, other.maxAcceleration));
    }

    public int size() {
        return minPosition.length;
    }

    private static double[] join(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
