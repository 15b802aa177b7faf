package studio.tandem.teleop.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;
import studio.tandem.teleop.kinematics.ForwardKinematics;
import studio.tandem.teleop.robot.HandKinematics;
import studio.tandem.teleop.robot.HandSpec;

class HandKinematicsTest {

    @Test
    void fingertipKinematicsMatchesTheSimulatedFingers() {
        try (SimWorld w = new SimWorld(SimConfig.defaults(1))) {
            HandSpec spec = w.handSpec();
            double[] target = new double[spec.dof()];
            spec.closurePosture(0.5, target);
            w.setHandTarget(target);
            for (int i = 0; i < 480; i++) {
                w.step();
            }
            SimSnapshot s = w.newSnapshot();
            w.snapshot(s, 0);
            double[] q = new double[spec.dof()];
            for (int i = 0; i < q.length; i++) {
                q[i] = s.handPosition(i);
                assertThat(q[i]).as(spec.jointNames().get(i)).isCloseTo(target[i],
                        org.assertj.core.api.Assertions.within(0.03));
            }
            double[] arm = new double[6];
            for (int i = 0; i < 6; i++) {
                arm[i] = s.armPosition(i);
            }
            Matrix4d flange = new ForwardKinematics(w.chain().withToolZ(0)).tcp(arm, new Matrix4d());
            HandKinematics k = w.handKinematics();
            double[] tips = new double[3 * k.fingertips()];
            k.fingertipPositions(q, tips);
            float[] m = new float[16];
            for (int t = 0; t < k.fingertips(); t++) {
                String link = "hand." + spec.fingertipNames().get(t).replace("_tip", "_dip");
                SceneBody body = w.bodies().stream().filter(b -> b.name().equals(link)).findFirst().orElseThrow();
                s.bodyPose(body.index(), m);
                double half = (body.dims()[1] + body.dims()[0]) / 2;
                Vector3d measured = new Vector3d(m[12] + half * m[8], m[13] + half * m[9], m[14] + half * m[10]);
                Vector3d predicted = flange.transformPosition(new Vector3d(tips[3 * t], tips[3 * t + 1], tips[3 * t + 2]));
                assertThat(measured.distance(predicted)).as(link).isLessThan(0.004);
            }
        }
    }

    @Test
    void gripperPadsFollowTheOpening() {
        try (SimWorld w = new SimWorld(SimConfig.defaults(1).withHand(HandSpec.Kind.PARALLEL_GRIPPER))) {
            double[] tips = new double[6];
            w.handKinematics().fingertipPositions(new double[] {0.04}, tips);
            assertThat(tips[0] - tips[3]).isCloseTo(0.04 + 0.012, org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test
    void jacobiansMatchFiniteDifferences() {
        for (HandSpec.Kind kind : HandSpec.Kind.values()) {
            try (SimWorld w = new SimWorld(SimConfig.defaults(1).withHand(kind))) {
                HandKinematics k = w.handKinematics();
                HandSpec spec = w.handSpec();
                double[] q = new double[spec.dof()];
                spec.closurePosture(0.4, q);
                for (int t = 0; t < k.fingertips(); t++) {
                    int n = k.jointCount(t);
                    double[] pos = new double[3];
                    double[] jac = new double[3 * n];
                    k.tipJacobian(t, q, pos, jac);
                    double[] base = new double[3];
                    k.tipPosition(t, q, base, 0);
                    assertThat(pos).containsExactly(base, org.assertj.core.api.Assertions.within(1e-15));
                    for (int j = 0; j < n; j++) {
                        double[] dq = q.clone();
                        dq[k.firstJoint(t) + j] += 1e-7;
                        double[] moved = new double[3];
                        k.tipPosition(t, dq, moved, 0);
                        for (int r = 0; r < 3; r++) {
                            assertThat((moved[r] - base[r]) / 1e-7).as("%s tip %d joint %d row %d", kind, t, j, r)
                                    .isCloseTo(jac[r * n + j], org.assertj.core.api.Assertions.within(1e-5));
                        }
                    }
                }
                assertThat(k.independentFingers()).isEqualTo(kind == HandSpec.Kind.MULTI_FINGER);
            }
        }
    }
}
