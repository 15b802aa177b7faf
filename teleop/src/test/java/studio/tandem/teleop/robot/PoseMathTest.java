package studio.tandem.teleop.robot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.joml.Matrix4d;
import org.joml.Quaterniond;
import org.junit.jupiter.api.Test;

class PoseMathTest {
    @Test
    void quaternionRoundTripsThroughJoml() {
        Random rnd = new Random(5);
        double[] q = new double[4];
        for (int i = 0; i < 200; i++) {
            Quaterniond expected = new Quaterniond(rnd.nextGaussian(), rnd.nextGaussian(),
                    rnd.nextGaussian(), rnd.nextGaussian()).normalize();
            Matrix4d m = new Matrix4d().rotation(expected);
            PoseMath.quaternion(m, q, 0);
            Quaterniond got = new Quaterniond(q[0], q[1], q[2], q[3]);
            assertThat(q[3]).isGreaterThanOrEqualTo(0);
            assertThat(Math.abs(got.dot(expected))).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void closurePostureInterpolatesAndClamps() {
        HandSpec spec = new HandSpec(HandSpec.Kind.PARALLEL_GRIPPER, java.util.List.of("gap"),
                studio.tandem.teleop.kinematics.JointLimits.uniform(1, 0, 0.085, 0.1),
                java.util.List.of("left", "right"), new double[] {0.085}, new double[] {0});
        double[] out = new double[1];
        spec.closurePosture(0.5, out);
        assertThat(out[0]).isEqualTo(0.0425);
        spec.closurePosture(3, out);
        assertThat(out[0]).isEqualTo(0.0);
        spec.closurePosture(Double.NaN, out);
        assertThat(out[0]).isEqualTo(0.085);
    }
}
