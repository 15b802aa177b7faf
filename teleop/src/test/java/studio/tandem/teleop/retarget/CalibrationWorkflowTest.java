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
