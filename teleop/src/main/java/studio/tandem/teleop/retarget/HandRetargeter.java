package studio.tandem.teleop.retarget;

import org.joml.Quaterniond;
import org.joml.Vector3d;

import studio.tandem.teleop.input.HandJoint;
import studio.tandem.teleop.input.HandJointsSample;
import studio.tandem.teleop.kinematics.JointLimits;
import studio.tandem.teleop.robot.Hand;
import studio.tandem.teleop.robot.HandKinematics;

/**
 * Hand retargeting by fingertip-vector optimization (as dex-retargeting's vector retargeting):
 * minimizes Σ‖(p_tip,i − p_wrist)_robot(q) − s·R·(p_tip,i − p_wrist)_human‖² + w‖q − q_prev‖² within
 * the joint limits, by projected Levenberg–Marquardt per finger (a finger's joints move only its own
 * tip), warm-started from the previous solution. Human vectors are taken in the human wrist frame
 * and rotated by the configured alignment into the robot hand frame. The robot side comes from the
 * hand itself ({@link Hand#kinematics()} and the limits of its {@link studio.tandem.teleop.robot.HandSpec}).
 *
 * <p>Thread: the control (or hand) thread; allocation-free per call.
 */
public final class HandRetargeter {
    private final HandKinematics hand;
    private final double[] lower;
    private final double[] upper;
    private final HandRetargetConfig cfg;
    private final Vector3d[] targets;
    private final Quaterniond wristInv = new Quaterniond();
    private final double[] tip = new double[3];
    private final double[] prev;
    private final double[] trial;
    private final double[] jac;
    private final double[] a;
    private final double[] g;
    private final double[] delta;
    private final double[] work;
    private double lastError;

    /**
     * @param hand fingertip kinematics whose fingers move independently (not a parallel gripper, whose
     *             pads share one joint: drive it by closure instead)
     * @param limits joint limits, one per hand joint
     */
    public HandRetargeter(HandKinematics hand, JointLimits limits, HandRetargetConfig cfg) {
        if (cfg.tips().size() != hand.fingertips()) {
            throw new IllegalArgumentException("hand retargeting: " + cfg.tips().size() + " tips for "
                    + hand.fingertips() + " fingers");
        }
        if (!hand.independentFingers()) {
            throw new IllegalArgumentException("hand retargeting: fingertips share joints (a gripper?); "
                    + "use closure from the trigger");
        }
        this.hand = hand;
        this.lower = limits.lower();
        this.upper = limits.upper();
        this.cfg = cfg;
        this.targets = new Vector3d[hand.fingertips()];
        int maxN = 0;
        for (int i = 0; i < targets.length; i++) {
            targets[i] = new Vector3d();
            maxN = Math.max(maxN, hand.jointCount(i));
        }
        prev = new double[lower.length];
        trial = new double[lower.length];
        jac = new double[3 * maxN];
        a = new double[maxN * maxN];
        g = new double[maxN];
        delta = new double[maxN];
        work = new double[maxN * maxN];
    }

    /**
     * A retargeter for {@code robotHand}, from its own kinematics and joint limits.
     *
     * @throws IllegalArgumentException when the hand does not publish its kinematics
     */
    public static HandRetargeter forHand(Hand robotHand, HandRetargetConfig cfg) {
        HandKinematics k = robotHand.kinematics().orElseThrow(() -> new IllegalArgumentException(
                "hand retargeting: hand '" + robotHand.id() + "' does not publish fingertip kinematics"));
        return new HandRetargeter(k, robotHand.spec().limits(), cfg);
    }

    /**
     * Retargets one human hand sample into joint positions.
     *
     * @param q in: the previous solution (warm start); out: the new one (rad, within limits)
     * @return false if the hand is not tracked ({@code q} is left unchanged: the hand holds)
     */
    public boolean retarget(HandJointsSample human, double[] q) {
        if (!human.tracked() || !humanTargets(human)) {
            return false;
        }
        System.arraycopy(q, 0, prev, 0, q.length);
        for (int i = 0; i < q.length; i++) {
            q[i] = clamp(i, q[i]);
        }
        double total = 0;
        for (int f = 0; f < targets.length; f++) {
            total += solveFinger(f, q);
        }
        lastError = total;
        return true;
    }

    /** Sets the per-finger targets s·R·R_wrist⁻¹·(p_tip − p_wrist); false on invalid joints. */
    private boolean humanTargets(HandJointsSample h) {
        int w = HandJoint.WRIST.ordinal();
        if (!h.jointValid(w)) {
            return false;
        }
        wristInv.set(h.q(w, 0), h.q(w, 1), h.q(w, 2), h.q(w, 3)).normalize().conjugate();
        for (int f = 0; f < targets.length; f++) {
            int t = cfg.tips().get(f).ordinal();
            if (!h.jointValid(t)) {
                return false;
            }
            Vector3d v = targets[f].set(h.x(t) - h.x(w), h.y(t) - h.y(w), h.z(t) - h.z(w));
            wristInv.transform(v);
            cfg.alignment().transform(v);
            v.mul(cfg.scale());
            if (!v.isFinite()) {
                return false;
            }
        }
        return true;
    }

    /** Squared fingertip error of the current targets for {@code q}, with the smoothness term. */
    private double cost(int f, double[] q) {
        double c = tipError(f, q);
        int o = hand.firstJoint(f);
        for (int j = 0; j < hand.jointCount(f); j++) {
            double d = q[o + j] - prev[o + j];
            c += cfg.smoothness() * d * d;
        }
        return c;
    }

    private double solveFinger(int f, double[] q) {
        int n = hand.jointCount(f);
        int o = hand.firstJoint(f);
        double lambda = 1e-4;
        double c = cost(f, q);
        for (int it = 0; it < cfg.iterations() && c > 1e-14; it++) {
            normalEquations(f, q, n, o);
            lockJointsAtLimits(o, n, q);
            boolean improved = false;
            for (int tries = 0; tries < 8 && !improved; tries++) {
                if (!solveDamped(n, cfg.smoothness() + lambda)) {
                    lambda *= 10;
                    continue;
                }
                System.arraycopy(q, 0, trial, 0, q.length);
                for (int i = 0; i < n; i++) {
                    trial[o + i] = clamp(o + i, q[o + i] - delta[i]);
                }
                double ct = cost(f, trial);
                if (ct < c) {
                    System.arraycopy(trial, o, q, o, n);
                    c = ct;
                    lambda = Math.max(1e-9, lambda * 0.3);
                    improved = true;
                } else {
                    lambda *= 10;
                }
            }
            if (!improved) {
                break;
            }
        }
        return tipError(f, q);
    }

    /** Squared distance (m²) of fingertip f at {@code q} from its target. */
    private double tipError(int f, double[] q) {
        hand.tipPosition(f, q, tip, 0);
        return targets[f].distanceSquared(tip[0], tip[1], tip[2]);
    }

    /** Fills A = JᵀJ and g = Jᵀr + w(q − q_prev) for finger f at q. */
    private void normalEquations(int f, double[] q, int n, int o) {
        hand.tipJacobian(f, q, tip, jac);
        double rx = tip[0] - targets[f].x;
        double ry = tip[1] - targets[f].y;
        double rz = tip[2] - targets[f].z;
        for (int i = 0; i < n; i++) {
            g[i] = jac[i] * rx + jac[n + i] * ry + jac[2 * n + i] * rz + cfg.smoothness() * (q[o + i] - prev[o + i]);
            for (int j = 0; j < n; j++) {
                a[i * n + j] = jac[i] * jac[j] + jac[n + i] * jac[n + j] + jac[2 * n + i] * jac[2 * n + j];
            }
        }
    }

    /**
     * Active set: a joint at a limit whose descent direction points out of the range is taken out of
     * the step (its row and column of A and its gradient zeroed), so the others keep converging.
     */
    private void lockJointsAtLimits(int o, int n, double[] q) {
        for (int i = 0; i < n; i++) {
            boolean atLower = q[o + i] <= lower[o + i] + 1e-12 && g[i] > 0;
            boolean atUpper = q[o + i] >= upper[o + i] - 1e-12 && g[i] < 0;
            if (atLower || atUpper) {
                g[i] = 0;
                for (int j = 0; j < n; j++) {
                    a[i * n + j] = 0;
                    a[j * n + i] = 0;
                }
                a[i * n + i] = 1;
            }
        }
    }

    /** Solves (A + μI) δ = g by Gaussian elimination with partial pivoting, in place; false if singular. */
    private boolean solveDamped(int n, double mu) {
        double[] s = work;
        System.arraycopy(g, 0, delta, 0, n);
        System.arraycopy(a, 0, s, 0, n * n);
        for (int i = 0; i < n; i++) {
            s[i * n + i] += mu;
        }
        for (int c = 0; c < n; c++) {
            if (!pivot(s, n, c)) {
                return false;
            }
            for (int r = c + 1; r < n; r++) {
                double k = s[r * n + c] / s[c * n + c];
                for (int j = c; j < n; j++) {
                    s[r * n + j] -= k * s[c * n + j];
                }
                delta[r] -= k * delta[c];
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double v = delta[r];
            for (int j = r + 1; j < n; j++) {
                v -= s[r * n + j] * delta[j];
            }
            delta[r] = v / s[r * n + r];
        }
        return true;
    }

    /** Swaps the row with the largest entry in column c into row c; false if the column is all zero. */
    private boolean pivot(double[] s, int n, int c) {
        int p = c;
        for (int r = c + 1; r < n; r++) {
            if (Math.abs(s[r * n + c]) > Math.abs(s[p * n + c])) {
                p = r;
            }
        }
        if (Math.abs(s[p * n + c]) < 1e-18) {
            return false;
        }
        if (p != c) {
            for (int k = 0; k < n; k++) {
                double t = s[c * n + k];
                s[c * n + k] = s[p * n + k];
                s[p * n + k] = t;
            }
            double t = delta[c];
            delta[c] = delta[p];
            delta[p] = t;
        }
        return true;
    }

    private double clamp(int j, double v) {
        return Math.max(lower[j], Math.min(upper[j], v));
    }

    /** Sum of squared fingertip errors (m²) after the last successful {@link #retarget}. */
    public double lastError() {
        return lastError;
    }

    /** Sum of squared fingertip errors (m²) of {@code q} against a human sample (for evaluation). */
    public double error(HandJointsSample human, double[] q) {
        if (!humanTargets(human)) {
            return Double.NaN;
        }
        double e = 0;
        for (int f = 0; f < targets.length; f++) {
            e += tipError(f, q);
        }
        return e;
    }

    public HandKinematics hand() {
        return hand;
    }
}
