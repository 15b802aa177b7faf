package studio.tandem.teleop.kinematics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.joml.Matrix4d;
import org.junit.jupiter.api.Test;

class DlsIkSolverTest {
    private final DhChain ur5e = DhChain.ur5e();
    private final ForwardKinematics fk = new ForwardKinematics(ur5e);
    private final DlsIkSolver ik = new DlsIkSolver(ur5e, IkConfig.defaults());

    /** A random reachable configuration in the usual table-top workspace, away from the base. */
    private static double[] randomWorkspacePosture(Random rnd) {
        return new double[] {
            uniform(rnd, -Math.PI, Math.PI), uniform(rnd, -2.6, -0.4), uniform(rnd, 0.3, 2.5),
            uniform(rnd, -3.0, 0.0), uniform(rnd, -2.8, -0.3), uniform(rnd, -Math.PI, Math.PI)};
    }

    private static double uniform(Random rnd, double lo, double hi) {
        return lo + rnd.nextDouble() * (hi - lo);
    }

    @Test
    void convergesFromNearbySeedsAllOverTheWorkspace() {
        Random rnd = new Random(42);
        Matrix4d target = new Matrix4d();
        Matrix4d reached = new Matrix4d();
        double[] out = new double[6];
        int converged = 0;
        int trials = 300;
        for (int t = 0; t < trials; t++) {
            double[] q = randomWorkspacePosture(rnd);
            fk.tcp(q, target);
            double[] seed = q.clone();
            for (int i = 0; i < 6; i++) {
                seed[i] += uniform(rnd, -0.25, 0.25);
            }
            if (ik.solve(target, seed, out) == IkStatus.CONVERGED) {
                converged++;
                fk.tcp(out, reached);
                assertThat(Rotations.distance(target, reached)).isLessThan(1e-4);
                assertThat(Rotations.angleBetween(target, reached)).isLessThan(1e-3);
            }
        }
        assertThat(converged).isEqualTo(trials);
    }

    @Test
    void convergesFromAFixedHomeSeedForMostOfTheWorkspace() {
        Random rnd = new Random(7);
        double[] home = {0, -1.57, 1.57, -1.57, -1.57, 0};
        Matrix4d target = new Matrix4d();
        double[] out = new double[6];
        int converged = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            fk.tcp(randomWorkspacePosture(rnd), target);
            if (ik.solve(target, home, out) == IkStatus.CONVERGED) {
                converged++;
            }
        }
        // Far-away seeds are not the teleoperation use case; DLS still finds most of them.
        assertThat(converged).isGreaterThanOrEqualTo(trials * 8 / 10);
    }

    @Test
    void solutionsRespectJointLimitsEvenWhenTheTargetNeedsMore() {
        JointLimits tight = new JointLimits(
                new double[] {-0.5, -2.0, 0.2, -2.5, -2.0, -1.0},
                new double[] {0.5, -0.8, 2.0, -0.5, -1.0, 1.0},
                new double[] {3, 3, 3, 3, 3, 3});
        DlsIkSolver limited = new DlsIkSolver(ur5e.withLimits(tight), IkConfig.defaults());
        Random rnd = new Random(11);
        Matrix4d target = new Matrix4d();
        double[] out = new double[6];
        for (int t = 0; t < 100; t++) {
            fk.tcp(randomWorkspacePosture(rnd), target);
            double[] seed = {0, -1.4, 1.0, -1.5, -1.5, 0};
            limited.solve(target, seed, out);
            assertThat(tight.contains(out, 1e-12)).as("within limits").isTrue();
        }
        // A target inside the limited workspace is still reached exactly.
        double[] inside = {0.3, -1.2, 1.5, -1.0, -1.5, 0.5};
        fk.tcp(inside, target);
        assertThat(limited.solve(target, new double[] {0, -1.4, 1.0, -1.5, -1.5, 0}, out))
                .isEqualTo(IkStatus.CONVERGED);
    }

    @Test
    void nearSingularTargetsGiveBoundedSteps() {
        // Wrist singularity (q5 = 0: axes 4 and 6 aligned) and an outstretched elbow (q3 = 0).
        double[][] singular = {{0.3, -1.2, 1.4, -1.0, 0.0, 0.2}, {0.1, -1.0, 0.0, -1.2, -1.5, 0.0}};
        Matrix4d target = new Matrix4d();
        Matrix4d reached = new Matrix4d();
        double[] out = new double[6];
        for (double[] qs : singular) {
            double[] seed = qs.clone();
            seed[4] += 0.02;
            seed[2] += 0.02;
            for (int k = 0; k < 50; k++) {
                // Small teleoperation-like moves around the singular pose.
                double[] qt = qs.clone();
                qt[1] += 0.002 * k;
                fk.tcp(qt, target);
                IkStatus s = ik.solve(target, seed, out);
                assertThat(s).isNotEqualTo(IkStatus.INVALID_INPUT);
                for (int i = 0; i < 6; i++) {
                    assertThat(Double.isFinite(out[i])).isTrue();
                    assertThat(Math.abs(out[i] - seed[i])).as("joint jump").isLessThan(0.5);
                }
                fk.tcp(out, reached);
                assertThat(Rotations.distance(target, reached)).isLessThan(2e-3);
                System.arraycopy(out, 0, seed, 0, 6);
            }
        }
    }

    @Test
    void unreachableTargetStaysFiniteAndGetsAsCloseAsPossible() {
        Matrix4d far = new Matrix4d().translation(2.0, 0.5, 0.3);
        double[] out = new double[6];
        assertThat(ik.solve(far, new double[] {0, -1.57, 1.57, -1.57, -1.57, 0}, out))
                .isEqualTo(IkStatus.BEST_EFFORT);
        Matrix4d reached = fk.tcp(out, new Matrix4d());
        double reach = Math.sqrt(reached.m30() * reached.m30() + reached.m31() * reached.m31());
        assertThat(reach).as("stretched towards the target").isGreaterThan(0.8);
        for (double v : out) {
            assertThat(Double.isFinite(v)).isTrue();
        }
    }

    @Test
    void nanTargetIsRejectedAndTheSeedKept() {
        Matrix4d bad = new Matrix4d().translation(Double.NaN, 0, 0);
        double[] seed = {0.1, -1.0, 1.0, -1.0, -1.5, 0};
        double[] out = new double[6];
        assertThat(ik.solve(bad, seed, out)).isEqualTo(IkStatus.INVALID_INPUT);
        assertThat(out).containsExactly(seed);
    }
}
