package studio.tandem.teleop.kinematics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

class ForwardKinematicsTest {
    private final ForwardKinematics fk = new ForwardKinematics(DhChain.ur5e());

    @Test
    void zeroPostureMatchesPublishedUr5eGeometry() {
        Matrix4d t = fk.tcp(new double[6], new Matrix4d());
        // At q = 0 the UR5e flange sits at (a2 + a3, -(d4 + d6), d1 - d5).
        assertThat(t.m30()).isCloseTo(-0.425 - 0.3922, within(1e-9));
        assertThat(t.m31()).isCloseTo(-(0.1333 + 0.0996), within(1e-9));
        assertThat(t.m32()).isCloseTo(0.1625 - 0.0997, within(1e-9));
    }

    @Test
    void shoulderPanRotatesTheTcpAboutBaseZ() {
        double[] q = {0.7, -1.2, 1.4, -1.7, -1.57, 0.3};
        Matrix4d a = fk.tcp(q, new Matrix4d());
        q[0] += 0.5;
        Matrix4d b = fk.tcp(q, new Matrix4d());
        Vector3d pa = a.getTranslation(new Vector3d()).rotateZ(0.5);
        Vector3d pb = b.getTranslation(new Vector3d());
        assertThat(pa.distance(pb)).isLessThan(1e-12);
        assertThat(Math.hypot(a.m30(), a.m31())).isCloseTo(Math.hypot(b.m30(), b.m31()), within(1e-12));
    }

    @Test
    void jacobianMatchesFiniteDifferences() {
        Random rnd = new Random(3);
        double[] jac = new double[36];
        double[] rot = new double[3];
        Matrix4d t0 = new Matrix4d();
        Matrix4d t1 = new Matrix4d();
        for (int trial = 0; trial < 20; trial++) {
            double[] q = new double[6];
            for (int i = 0; i < 6; i++) {
                q[i] = (rnd.nextDouble() * 2 - 1) * Math.PI;
            }
            fk.jacobian(q, jac, t0);
            double h = 1e-7;
            for (int j = 0; j < 6; j++) {
                double[] qh = q.clone();
                qh[j] += h;
                fk.tcp(qh, t1);
                assertThat((t1.m30() - t0.m30()) / h).isCloseTo(jac[j], within(1e-5));
                assertThat((t1.m31() - t0.m31()) / h).isCloseTo(jac[6 + j], within(1e-5));
                assertThat((t1.m32() - t0.m32()) / h).isCloseTo(jac[12 + j], within(1e-5));
                Rotations.orientationError(t1, t0, rot);
                for (int r = 0; r < 3; r++) {
                    assertThat(rot[r] / h).isCloseTo(jac[(3 + r) * 6 + j], within(1e-5));
                }
            }
        }
    }

    @Test
    void toolOffsetMovesTcpAlongFlangeZ() {
        double[] q = {0.2, -1.0, 1.2, -1.5, -1.5, 0};
        Matrix4d flange = fk.tcp(q, new Matrix4d());
        Matrix4d tool = new ForwardKinematics(DhChain.ur5e().withToolZ(0.15)).tcp(q, new Matrix4d());
        Vector3d z = new Vector3d(flange.m20(), flange.m21(), flange.m22());
        Vector3d expected = flange.getTranslation(new Vector3d()).fma(0.15, z);
        assertThat(tool.getTranslation(new Vector3d()).distance(expected)).isLessThan(1e-12);
    }
}
