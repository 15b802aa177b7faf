package studio.tandem.teleop.kinematics;

import java.util.Arrays;
import org.joml.Matrix4d;

/**
 * Damped-least-squares inverse kinematics (Levenberg–Marquardt style) for a {@link DhChain}:
 * {@code dq = Jᵀ (J Jᵀ + λ² I)⁻¹ e}, with
 * <ul>
 *   <li>damping λ that grows smoothly as the Yoshikawa manipulability falls below a threshold
 *       (Nakamura–Hanafusa), so steps stay bounded at and near singularities;</li>
 *   <li>joint limits enforced every iteration: a joint pushed against its limit is removed from the
 *       Jacobian and the step is re-solved with the remaining joints (clamping loop);</li>
 *   <li>error and step clamping for stability far from the target.</li>
 * </ul>
 * The solution stays near the seed: pass the current joint positions for teleoperation.
 *
 * <p>Not thread-safe: one instance per thread. {@link #solve} allocates nothing.
 */
public final class DlsIkSolver {
    private final DhChain chain;
    private final IkConfig config;
    private final ForwardKinematics fk;
    private final int n;
    private final double[] jac;
    private final double[] q;
    private final double[] best;
    private final double[] dq;
    private final double[] err = new double[6];
    private final double[] rot = new double[3];
    private final double[] a = new double[36];
    private final double[] x = new double[6];
    private final double[] chol = new double[36];
    private final boolean[] locked;
    private final Matrix4d tcp = new Matrix4d();
    private int lastIterations;
    private double lastPositionError;
    private double lastOrientationError;
    private double lastManipulability;

    public DlsIkSolver(DhChain chain, IkConfig config) {
        this.chain = chain;
        this.config = config;
        this.fk = new ForwardKinematics(chain);
        this.n = chain.dof();
        this.jac = new double[6 * n];
        this.q = new double[n];
        this.best = new double[n];
        this.dq = new double[n];
        this.locked = new boolean[n];
    }

    public DhChain chain() {
        return chain;
    }

    public IkConfig config() {
        return config;
    }

    /**
     * Solves for joint positions whose TCP pose reaches {@code target} (base frame), starting from
     * {@code seed} (rad). Writes the best solution found into {@code out} (length dof, may alias seed);
     * it is always within the joint limits and never NaN.
     */
    public IkStatus solve(Matrix4d target, double[] seed, double[] out) {
        if (!finite(target) || !finite(seed)) {
            System.arraycopy(seed, 0, out, 0, n);
            sanitize(out);
            lastIterations = 0;
            lastPositionError = Double.NaN;
            lastOrientationError = Double.NaN;
            return IkStatus.INVALID_INPUT;
        }
        System.arraycopy(seed, 0, q, 0, n);
        chain.limits().clampPositions(q);
        double bestCost = Double.POSITIVE_INFINITY;
        IkStatus status = IkStatus.BEST_EFFORT;
        int it = 0;
        for (; it < config.maxIterations(); it++) {
            fk.jacobian(q, jac, tcp);
            double pe = positionError(target);
            double oe = Rotations.orientationError(target, tcp, rot);
            double cost = pe + 0.2 * oe;
            if (cost < bestCost) {
                bestCost = cost;
                System.arraycopy(q, 0, best, 0, n);
                lastPositionError = pe;
                lastOrientationError = oe;
            }
            if (pe < config.positionTolerance() && oe < config.orientationTolerance()) {
                status = IkStatus.CONVERGED;
                break;
            }
            fillError(pe, oe);
            if (!step()) {
                break;
            }
        }
        lastIterations = it;
        System.arraycopy(best, 0, out, 0, n);
        return status;
    }

    /** Iterations used by the last solve. */
    public int lastIterations() {
        return lastIterations;
    }

    /** TCP position error (m) of the last solution. */
    public double lastPositionError() {
        return lastPositionError;
    }

    /** TCP orientation error (rad) of the last solution. */
    public double lastOrientationError() {
        return lastOrientationError;
    }

    /** Manipulability sqrt(det(J·Jᵀ)) at the last iteration. */
    public double lastManipulability() {
        return lastManipulability;
    }

    private double positionError(Matrix4d target) {
        err[0] = target.m30() - tcp.m30();
        err[1] = target.m31() - tcp.m31();
        err[2] = target.m32() - tcp.m32();
        return Math.sqrt(err[0] * err[0] + err[1] * err[1] + err[2] * err[2]);
    }

    private void fillError(double pe, double oe) {
        double ps = pe > config.maxLinearStep() ? config.maxLinearStep() / pe : 1;
        double os = oe > config.maxAngularStep() ? config.maxAngularStep() / oe : 1;
        err[0] *= ps;
        err[1] *= ps;
        err[2] *= ps;
        err[3] = rot[0] * os;
        err[4] = rot[1] * os;
        err[5] = rot[2] * os;
    }

    /** One damped step with the clamping loop; returns false when no joint can move any more. */
    private boolean step() {
        Arrays.fill(locked, false);
        double[] lo = chain.limits().lower();
        double[] hi = chain.limits().upper();
        for (int pass = 0; pass <= n; pass++) {
            if (!solveDamped()) {
                return false;
            }
            boolean relocked = false;
            for (int i = 0; i < n; i++) {
                if (!locked[i] && ((q[i] + dq[i] > hi[i] && q[i] >= hi[i] - 1e-12)
                        || (q[i] + dq[i] < lo[i] && q[i] <= lo[i] + 1e-12))) {
                    locked[i] = true;
                    relocked = true;
                }
            }
            if (!relocked) {
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            q[i] += dq[i];
        }
        chain.limits().clampPositions(q);
        return true;
    }

    /** dq = Jᵀ (J Jᵀ + λ² I)⁻¹ e over the unlocked joints, scaled to the joint step limit. */
    private boolean solveDamped() {
        boolean any = false;
        for (int r = 0; r < 6; r++) {
            for (int c = r; c < 6; c++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    if (!locked[k]) {
                        s += jac[r * n + k] * jac[c * n + k];
                        any = true;
                    }
                }
                a[r * 6 + c] = s;
                a[c * 6 + r] = s;
            }
        }
        if (!any) {
            return false;
        }
        double w = Math.sqrt(Math.max(0, LinearAlgebra.determinantSpd6(a, chol)));
        lastManipulability = w;
        double lambda = config.lambdaMin();
        double w0 = config.manipulabilityThreshold();
        if (w < w0) {
            // Damping grows as manipulability falls, and fades as the (bounded) error shrinks, so
            // steps stay bounded at singularities yet the last millimetres still converge.
            double f = (1 - (w / w0) * (w / w0)) * Math.min(1, errorNorm() / config.maxLinearStep());
            lambda = Math.max(lambda, config.lambdaMax() * Math.sqrt(f));
        }
        for (int r = 0; r < 6; r++) {
            a[r * 6 + r] += lambda * lambda;
            x[r] = err[r];
        }
        if (!LinearAlgebra.solveSpd6(a, x)) {
            return false;
        }
        applyTranspose();
        return true;
    }

    private double errorNorm() {
        double s = 0;
        for (int i = 0; i < 6; i++) {
            s += err[i] * err[i];
        }
        return Math.sqrt(s);
    }

    private void applyTranspose() {
        double max = 0;
        for (int k = 0; k < n; k++) {
            double s = 0;
            if (!locked[k]) {
                for (int r = 0; r < 6; r++) {
                    s += jac[r * n + k] * x[r];
                }
            }
            dq[k] = s;
            max = Math.max(max, Math.abs(s));
        }
        if (max > config.maxJointStep()) {
            double k = config.maxJointStep() / max;
            for (int i = 0; i < n; i++) {
                dq[i] *= k;
            }
        }
    }

    private void sanitize(double[] v) {
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) {
                v[i] = 0;
            }
        }
        chain.limits().clampPositions(v);
    }

    private boolean finite(double[] v) {
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean finite(Matrix4d m) {
        return m.isFinite();
    }
}
