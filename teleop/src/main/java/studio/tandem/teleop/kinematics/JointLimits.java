package studio.tandem.teleop.kinematics;

import java.util.Arrays;

/**
 * Position and velocity limits of a serial chain, one entry per joint.
 *
 * @param lower lower position limits in rad (m for prismatic joints)
 * @param upper upper position limits in rad (m)
 * @param maxVelocity absolute velocity limits in rad/s (m/s), all &gt; 0
 */
public record JointLimits(double[] lower, double[] upper, double[] maxVelocity) {

    public JointLimits {
        if (lower.length != upper.length || lower.length != maxVelocity.length) {
            throw new IllegalArgumentException("joint limits: lower/upper/maxVelocity lengths differ ("
                    + lower.length + "/" + upper.length + "/" + maxVelocity.length + ")");
        }
        for (int i = 0; i < lower.length; i++) {
            if (!(lower[i] <= upper[i])) {
                throw new IllegalArgumentException("joint limits: joint " + i + " lower " + lower[i]
                        + " > upper " + upper[i]);
            }
            if (!(maxVelocity[i] > 0)) {
                throw new IllegalArgumentException("joint limits: joint " + i + " maxVelocity must be > 0, was "
                        + maxVelocity[i]);
            }
        }
        lower = lower.clone();
        upper = upper.clone();
        maxVelocity = maxVelocity.clone();
    }

    /** Same limits for every joint. */
    public static JointLimits uniform(int n, double lower, double upper, double maxVelocity) {
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] v = new double[n];
        Arrays.fill(lo, lower);
        Arrays.fill(hi, upper);
        Arrays.fill(v, maxVelocity);
        return new JointLimits(lo, hi, v);
    }

    public int size() {
        return lower.length;
    }

    /** Clamps {@code q} into the position limits in place; returns how many joints were clamped. */
    public int clampPositions(double[] q) {
        int clamped = 0;
        for (int i = 0; i < lower.length; i++) {
            if (q[i] < lower[i]) {
                q[i] = lower[i];
                clamped++;
            } else if (q[i] > upper[i]) {
                q[i] = upper[i];
                clamped++;
            }
        }
        return clamped;
    }

    /** True if every joint is within its limits (inclusive, with {@code tol}). */
    public boolean contains(double[] q, double tol) {
        for (int i = 0; i < lower.length; i++) {
            if (q[i] < lower[i] - tol || q[i] > upper[i] + tol || Double.isNaN(q[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Limits the step from {@code from} towards {@code to} to {@code maxVelocity * dtSeconds} per joint,
     * writing the result into {@code out} (may alias {@code to}). Returns how many joints were limited.
     */
    public int limitStep(double[] from, double[] to, double dtSeconds, double[] out) {
        int limited = 0;
        for (int i = 0; i < lower.length; i++) {
            double max = maxVelocity[i] * dtSeconds;
            double d = to[i] - from[i];
            if (d > max) {
                d = max;
                limited++;
            } else if (d < -max) {
                d = -max;
                limited++;
            }
            out[i] = from[i] + d;
        }
        return limited;
    }
}
