package studio.tandem.autonomy.safety;

/**
 * The last stage before any robot command: NaN/Inf from anywhere → hold; latched e-stop → hold;
 * joint position limits; velocity and acceleration limits; arm workspace. Allocation-free.
 *
 * <p>Threads: {@link #filter} and {@link #reset} on the control thread only; {@link #engageEStop()},
 * {@link #resetEStop()} and the counters from any thread. Vectors are the whole command (arm joints
 * then hand joints), in joint units (radians).
 */
public final class SafetyFilter {
    private final SafetyLimits limits;
    private final Workspace workspace;
    private final int armDof;
    private final int n;
    private final double[] last;
    private final double[] lastVelocity;
    private final double[] armScratch;
    private boolean initialized;
    private volatile boolean estop;
    private volatile long nonFiniteCount;
    private volatile long workspaceCount;
    private volatile long estopHoldCount;

    /**
     * @param limits limits of every joint (arm then hand)
     * @param armDof how many leading joints are the arm (checked against the workspace)
     * @param workspace TCP region for the arm joints
     */
    public SafetyFilter(SafetyLimits limits, int armDof, Workspace workspace) {
        if (armDof < 0 || armDof > limits.size()) {
            throw new IllegalArgumentException("safety filter: arm dof " + armDof + " outside 0.." + limits.size());
        }
        this.limits = limits;
        this.workspace = workspace;
        this.armDof = armDof;
        this.n = limits.size();
        this.last = new double[n];
        this.lastVelocity = new double[n];
        this.armScratch = new double[armDof];
    }

    /** Starts from the measured joint positions with zero velocity (control thread). */
    public void reset(double[] measured) {
        for (int i = 0; i < n; i++) {
            last[i] = Math.min(Math.max(measured[i], limits.minPosition()[i]), limits.maxPosition()[i]);
            lastVelocity[i] = 0;
        }
        initialized = allFinite(last);
    }

    /**
     * Filters one command.
     *
     * @param requested the arbitrated command (read only)
     * @param measured the latest measured joint positions (read only), checked for NaN/Inf
     * @param dtSeconds time since the previous command (&gt; 0)
     * @param out receives the command to send (may not alias {@code requested})
     * @return {@link SafetyFlags} bits
     */
    public int filter(double[] requested, double[] measured, double dtSeconds, double[] out) {
        if (!initialized) {
            reset(measured);
            if (!initialized) {
                nonFiniteCount++;
                System.arraycopy(measured, 0, out, 0, n);
                return SafetyFlags.NON_FINITE_HOLD;
            }
        }
        if (estop) {
            estopHoldCount++;
            return hold(out, SafetyFlags.ESTOP_HOLD);
        }
        if (!allFinite(requested) || !allFinite(measured) || !(dtSeconds > 0) || Double.isInfinite(dtSeconds)) {
            nonFiniteCount++;
            return hold(out, SafetyFlags.NON_FINITE_HOLD);
        }
        int flags = 0;
        for (int i = 0; i < n; i++) {
            flags |= limitJoint(i, requested[i], dtSeconds, out);
        }
        if (armDof > 0) {
            System.arraycopy(out, 0, armScratch, 0, armDof);
            if (!workspace.contains(armScratch)) {
                workspaceCount++;
                flags |= SafetyFlags.WORKSPACE_HOLD;
                for (int i = 0; i < armDof; i++) {
                    out[i] = last[i];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            lastVelocity[i] = (out[i] - last[i]) / dtSeconds;
            last[i] = out[i];
        }
        return flags;
    }

    private int limitJoint(int i, double target, double dt, double[] out) {
        int flags = 0;
        double q = target;
        if (q < limits.minPosition()[i] || q > limits.maxPosition()[i]) {
            q = Math.min(Math.max(q, limits.minPosition()[i]), limits.maxPosition()[i]);
            flags |= SafetyFlags.POSITION_CLAMPED;
        }
        double v = (q - last[i]) / dt;
        double vmax = limits.maxVelocity()[i];
        double dv = limits.maxAcceleration()[i] * dt;
        double lo = Math.max(-vmax, lastVelocity[i] - dv);
        double hi = Math.min(vmax, lastVelocity[i] + dv);
        if (lo > hi) {
            lo = hi = Math.max(-vmax, Math.min(vmax, lastVelocity[i]));
        }
        if (v < lo || v > hi) {
            double limited = Math.min(Math.max(v, lo), hi);
            flags |= Math.abs(limited) >= vmax - 1e-12 ? SafetyFlags.VELOCITY_LIMITED : SafetyFlags.ACCELERATION_LIMITED;
            v = limited;
        }
        out[i] = last[i] + v * dt;
        return flags;
    }

    private int hold(double[] out, int flag) {
        System.arraycopy(last, 0, out, 0, n);
        for (int i = 0; i < n; i++) {
            lastVelocity[i] = 0;
        }
        return flag;
    }

    private boolean allFinite(double[] v) {
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) {
                return false;
            }
        }
        return true;
    }

    /** Latches the e-stop: every later command holds until {@link #resetEStop()}. Any thread. */
    public void engageEStop() {
        estop = true;
    }

    /** Releases the e-stop; motion resumes from the held position at zero velocity. Any thread. */
    public void resetEStop() {
        estop = false;
    }

    public boolean eStopLatched() {
        return estop;
    }

    public long nonFiniteCount() {
        return nonFiniteCount;
    }

    public long workspaceCount() {
        return workspaceCount;
    }

    public long eStopHoldCount() {
        return estopHoldCount;
    }

    public int size() {
        return n;
    }
}
