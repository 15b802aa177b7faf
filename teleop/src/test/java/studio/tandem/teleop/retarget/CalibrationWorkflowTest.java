package studio.tandem.teleop.retarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

import studio.tandem.teleop.input.PoseSample;

class CalibrationWorkflowTest {
    private static PoseSample at(double x, double y, double z) {
        return new PoseSample().set(1, x, y, z, 0, 0, 0, 1);
    }

    @Test
    void facingTurnsTheWholeMappingAboutTheRobotsVerticalAxis() {
        // device +Y (away) → robot +X; an operator looking along the robot's +Y gets +Y instead
        DeviceCalibration c = DeviceCalibration.fromTwoMotions(new Vector3d(0, 1, 0), new Vector3d(-1, 0, 0));
        Vector3d away = c.facing(Math.toRadians(90)).apply(new Vector3d(0, 1, 0));
        assertThat(away.x).isCloseTo(0, within(1e-12));
        assertThat(away.y).isCloseTo(1, within(1e-12));
        Vector3d right = c.facing(Math.toRadians(90)).apply(new Vector3d(1, 0, 0));
        assertThat(right.x).as("the operator's right is the robot's +X then").isCloseTo(1, within(1e-12));
        Vector3d up = c.facing(Math.toRadians(-135)).apply(new Vector3d(0, 0, 1));
        assertThat(up.z).as("up stays up").isCloseTo(1, within(1e-12));
        org.joml.Quaterniond yaw = new org.joml.Quaterniond().rotateZ(0.3);
        c.facing(Math.toRadians(90)).applyToRotation(yaw, new org.joml.Quaterniond());
        assertThat(yaw.angle()).as("a twist about vertical stays a twist of the same angle").isCloseTo(0.3, within(1e-9));
    }

    @Test
    void twoMarkedMotionsGiveTheDeviceToRobotRotation() {
        // the device's frame is the robot's yawed by 90°: robot +X is device +Y, robot +Y is device -X
        CalibrationWorkflow w = new CalibrationWorkflow();
        w.mark(at(0, 0, 0));
        assertThatThrownBy(() -> w.mark(at(0, 0.01, 0))).hasMessageContaining("moved 1.0 cm");
        assertThat(w.step()).isEqualTo(CalibrationWorkflow.Step.START_X);
        w.mark(at(0, 0, 0));
        w.mark(at(0.002, 0.2, 0));
        w.mark(at(0, 0.2, 0));
        w.mark(at(-0.15, 0.2, 0.001));
        assertThat(w.step()).isEqualTo(CalibrationWorkflow.Step.DONE);
        Vector3d v = w.result().apply(new Vector3d(0, 1, 0));
        assertThat(v.x).isCloseTo(1, within(0.02));
        assertThat(v.y).isCloseTo(0, within(0.02));
    }
}
