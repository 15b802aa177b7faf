package studio.tandem.teleop.retarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.joml.Matrix4d;
import org.joml.Quaterniond;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

class ClutchMapperTest {

    private static Quaterniond randomRot(Random r) {
        return new Quaterniond().rotateXYZ(r.nextDouble() * 6 - 3, r.nextDouble() * 6 - 3, r.nextDouble() * 6 - 3);
    }

    private static Vector3d randomPos(Random r) {
        return new Vector3d(r.nextDouble() - 0.5, r.nextDouble() - 0.5, r.nextDouble());
    }

    @Test
    void engagingAtAnyPoseMapsThatPoseToTheCurrentTarget() {
        Random r = new Random(7);
        for (ClutchMapper.Mode mode : ClutchMapper.Mode.values()) {
            ClutchMapper m = new ClutchMapper(mode, 0.7, true, DeviceCalibration.yaw(1.1));
            for (int i = 0; i < 50; i++) {
                Vector3d dp = randomPos(r);
                Quaterniond dq = randomRot(r);
                Vector3d rp = randomPos(r);
                Quaterniond rq = randomRot(r);
                m.engage(dp, dq, rp, rq);
                Vector3d outP = new Vector3d();
                Quaterniond outQ = new Quaterniond();
                m.map(dp, dq, outP, outQ);
                assertThat(outP.distance(rp)).isLessThan(1e-12);
                assertThat(Math.abs(outQ.dot(rq))).isCloseTo(1.0, within(1e-12));
            }
        }
    }

    @Test
    void baseModeScalesAndRotatesDeltasIntoTheRobotFrame() {
        ClutchMapper m = new ClutchMapper(ClutchMapper.Mode.BASE, 0.5, true, DeviceCalibration.yaw(Math.PI / 2));
        Quaterniond toolDown = new Quaterniond().rotateX(Math.PI);
        m.engage(new Vector3d(1, 2, 3), new Quaterniond(), new Vector3d(0.4, 0, 0.3), toolDown);
        Vector3d p = new Vector3d();
        Quaterniond q = new Quaterniond();
        // device moves +0.1 along its x and yaws by 0.2 rad about its z
        m.map(new Vector3d(1.1, 2, 3), new Quaterniond().rotateZ(0.2), p, q);
        assertThat(p.x).isCloseTo(0.4, within(1e-12));
        assertThat(p.y).isCloseTo(0.05, within(1e-12));   // device +x = robot +y after a 90° yaw
        assertThat(p.z).isCloseTo(0.3, within(1e-12));
        Quaterniond expected = new Quaterniond().rotateZ(0.2).mul(toolDown);  // z stays z under a yaw
        assertThat(Math.abs(q.dot(expected))).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void toolModeIsTheLiteralRelativeTransform() {
        Random r = new Random(3);
        ClutchMapper m = new ClutchMapper(ClutchMapper.Mode.TOOL, 1.0, true, DeviceCalibration.IDENTITY);
        for (int i = 0; i < 20; i++) {
            Vector3d d0 = randomPos(r);
            Quaterniond q0 = randomRot(r);
            Vector3d r0 = randomPos(r);
            Quaterniond rq0 = randomRot(r);
            Vector3d dt = randomPos(r);
            Quaterniond qt = randomRot(r);
            m.engage(d0, q0, r0, rq0);
            Vector3d p = new Vector3d();
            Quaterniond q = new Quaterniond();
            m.map(dt, qt, p, q);
            Matrix4d tr0 = new Matrix4d().translationRotate(r0.x, r0.y, r0.z, rq0);
            Matrix4d td0 = new Matrix4d().translationRotate(d0.x, d0.y, d0.z, q0);
            Matrix4d tdt = new Matrix4d().translationRotate(dt.x, dt.y, dt.z, qt);
            Matrix4d expected = new Matrix4d(tr0).mul(td0.invert()).mul(tdt);
            Vector3d ep = expected.getTranslation(new Vector3d());
            Quaterniond eq = expected.getNormalizedRotation(new Quaterniond());
            assertThat(p.distance(ep)).isLessThan(1e-9);
            assertThat(Math.abs(q.dot(eq))).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void rotationCanBeDisabled() {
        ClutchMapper m = new ClutchMapper(ClutchMapper.Mode.BASE, 1.0, false, DeviceCalibration.IDENTITY);
        Quaterniond rq = new Quaterniond().rotateY(0.3);
        m.engage(new Vector3d(), new Quaterniond(), new Vector3d(), rq);
        Quaterniond q = new Quaterniond();
        m.map(new Vector3d(0.1, 0, 0), new Quaterniond().rotateZ(1.0), new Vector3d(), q);
        assertThat(Math.abs(q.dot(rq))).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void calibrationFromTwoMotionsRecoversTheRotation() {
        Quaterniond truth = new Quaterniond().rotateXYZ(0.3, -0.5, 1.2);
        Quaterniond inv = new Quaterniond(truth).invert();
        // device directions whose image under R_BD is robot X and Y, with some length and noise
        Vector3d dx = inv.transform(new Vector3d(0.2, 0, 0)).add(0.001, -0.002, 0.0);
        Vector3d dy = inv.transform(new Vector3d(0, 0.15, 0));
        DeviceCalibration c = DeviceCalibration.fromTwoMotions(dx, dy);
        Quaterniond got = c.deviceToRobot(new Quaterniond());
        assertThat(Math.abs(got.dot(truth))).isGreaterThan(0.9999);
    }
}
