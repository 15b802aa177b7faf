package studio.tandem.autonomy.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class SafetyFilterTest {
    private static final double DT = 0.01;
    private final double[] out = new double[2];

    private SafetyFilter filter(Workspace ws) {
        SafetyFilter f = new SafetyFilter(new SafetyLimits(new double[] {-1, -1}, new double[] {1, 1},
                new double[] {2, 2}, new double[] {100, 100}), 1, ws);
        f.reset(new double[] {0, 0});
        return f;
    }

    @Test
    void clampsPositionsAndLimitsVelocityAndAcceleration() {
        SafetyFilter f = filter(Workspace.UNLIMITED);
        int flags = f.filter(new double[] {5, 0.001}, new double[] {0, 0}, DT, out);
        // accel 100 rad/s² over 10 ms → at most 1 rad/s → 0.01 rad this step
        assertThat(out[0]).isEqualTo(0.01, offset(1e-12));
        assertThat(out[1]).isEqualTo(0.001, offset(1e-12));
        assertThat(flags & SafetyFlags.POSITION_CLAMPED).isNotZero();
        assertThat(flags & SafetyFlags.ACCELERATION_LIMITED).isNotZero();
        double prev = out[0];
        for (int i = 0; i < 200; i++) {
            flags = f.filter(new double[] {5, 0}, new double[] {out[0], out[1]}, DT, out);
            assertThat((out[0] - prev) / DT).isLessThanOrEqualTo(2 + 1e-9);
            prev = out[0];
        }
        assertThat(out[0]).isEqualTo(1.0, offset(1e-12));
    }

    @Test
    void nonFiniteCommandOrStateHolds() {
        SafetyFilter f = filter(Workspace.UNLIMITED);
        f.filter(new double[] {0.005, 0.005}, new double[] {0, 0}, DT, out);
        int flags = f.filter(new double[] {Double.NaN, 0.1}, new double[] {0, 0}, DT, out);
        assertThat(flags).isEqualTo(SafetyFlags.NON_FINITE_HOLD);
        assertThat(out).containsExactly(0.005, 0.005);
        flags = f.filter(new double[] {0.1, 0.1}, new double[] {0, Double.NEGATIVE_INFINITY}, DT, out);
        assertThat(flags).isEqualTo(SafetyFlags.NON_FINITE_HOLD);
        assertThat(out).containsExactly(0.005, 0.005);
        assertThat(f.nonFiniteCount()).isEqualTo(2);
    }

    @Test
    void armLeavingTheWorkspaceHoldsTheArmButNotTheHand() {
        SafetyFilter f = filter(q -> q[0] < 0.003);
        f.filter(new double[] {0.002, 0}, new double[] {0, 0}, DT, out);
        int flags = f.filter(new double[] {0.004, 0.003}, new double[] {0, 0}, DT, out);
        assertThat(flags & SafetyFlags.WORKSPACE_HOLD).isNotZero();
        assertThat(out[0]).isEqualTo(0.002);
        assertThat(out[1]).isEqualTo(0.003, offset(1e-12));
    }

    @Test
    void workspaceBoxUsesForwardKinematics() {
        WorkspaceBox box = new WorkspaceBox((q, xyz) -> {
            xyz[0] = q[0];
            xyz[1] = 0;
            xyz[2] = 0.5;
        }, new double[] {-0.5, -1, 0}, new double[] {0.5, 1, 1});
        assertThat(box.contains(new double[] {0.4})).isTrue();
        assertThat(box.contains(new double[] {0.6})).isFalse();
        assertThat(box.contains(new double[] {Double.NaN})).isFalse();
        assertThatThrownBy(() -> new WorkspaceBox((q, x) -> { }, new double[] {0, 0, 1}, new double[] {1, 1, 1}))
                .hasMessageContaining("axis z");
    }

    @Test
    void eStopLatchesUntilReset() {
        SafetyFilter f = filter(Workspace.UNLIMITED);
        f.engageEStop();
        for (int i = 0; i < 3; i++) {
            assertThat(f.filter(new double[] {0.5, 0.5}, new double[] {0, 0}, DT, out)).isEqualTo(SafetyFlags.ESTOP_HOLD);
            assertThat(out).containsExactly(0, 0);
        }
        f.resetEStop();
        assertThat(f.filter(new double[] {0.001, 0.001}, new double[] {0, 0}, DT, out)).isZero();
        assertThat(f.eStopHoldCount()).isEqualTo(3);
    }

    @Test
    void badLimitsAreRejectedWithTheJointNamed() {
        assertThatThrownBy(() -> new SafetyLimits(new double[] {0, 2}, new double[] {1, 1}, new double[] {1, 1},
                new double[] {1, 1})).hasMessageContaining("joint 1");
        assertThat(SafetyFlags.describe(SafetyFlags.WORKSPACE_HOLD | SafetyFlags.VELOCITY_LIMITED))
                .isEqualTo("velocity_limited|workspace_hold");
    }
}
