package studio.tandem.teleop.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.leap.LeapHand;
import studio.tandem.teleop.robot.Arm;
import studio.tandem.teleop.robot.Camera;
import studio.tandem.teleop.robot.Hand;
import studio.tandem.teleop.robotiq.Robotiq2FGripper;
import studio.tandem.teleop.ros.RosArm;
import studio.tandem.teleop.ur.UrRtdeArm;

class DriverCatalogTest {

    @Test
    void buildsEveryDriverWithoutIoAndDeclaresFeatures() {
        Arm ur = DriverCatalog.arm("arm", Map.of("type", "ur-rtde", "host", "127.0.0.1"), NanoClock.SYSTEM);
        Arm ros = DriverCatalog.arm("arm", Map.of("type", "ros-crisp", "url", "ws://127.0.0.1:9090"), NanoClock.SYSTEM);
        Hand leap = DriverCatalog.hand("hand", Map.of("type", "leap", "port", "/dev/ttyUSB0"), NanoClock.SYSTEM);
        Hand rq = DriverCatalog.hand("gripper", Map.of("type", "robotiq-2f140", "port", "/dev/ttyUSB1"), NanoClock.SYSTEM);
        Camera cam = DriverCatalog.camera("wrist", Map.of("type", "usb", "device", "/dev/video0", "width", 320,
                "height", 240), NanoClock.SYSTEM);
        assertThat(ur).isInstanceOf(UrRtdeArm.class);
        assertThat(ros).isInstanceOf(RosArm.class);
        assertThat(leap).isInstanceOf(LeapHand.class);
        assertThat(rq).isInstanceOf(Robotiq2FGripper.class);
        for (var d : List.of(ur, ros, leap, rq, cam)) {
            assertThat(d.state()).isEqualTo(DeviceState.DISCONNECTED);
        }
        assertThat(ur.observationFeatures().all()).extracting(Feature::name)
                .containsExactly("observation.arm.joint_pos", "observation.arm.tcp_pose");
        assertThat(ros.dof()).isEqualTo(7);
        assertThat(leap.spec().dof()).isEqualTo(16);
        assertThat(rq.spec().open()[0]).isEqualTo(0.14);
        assertThat(cam.observationFeatures().all()).extracting(Feature::name)
                .containsExactly("observation.images.wrist");
        assertThat(cam.width()).isEqualTo(320);
        assertThat(DriverCatalog.knows("leap")).isTrue();
        assertThat(DriverCatalog.knows("sim")).isFalse();
    }

    @Test
    void acceptsTheStudioStationFileSpelling() {
        Arm ur = DriverCatalog.arm("arm", Map.of("type", "ur_rtde", "address", "10.0.0.2"), NanoClock.SYSTEM);
        Arm ros = DriverCatalog.arm("arm", Map.of("type", "ros2", "address", "ws://localhost:9090"), NanoClock.SYSTEM);
        Hand rq = DriverCatalog.hand("hand", Map.of("type", "robotiq_2f", "port", "/dev/ttyUSB1"), NanoClock.SYSTEM);
        Camera cam = DriverCatalog.camera("top", Map.of("name", "top", "type", "usb", "device", "/dev/video2"),
                NanoClock.SYSTEM);
        assertThat(ur).isInstanceOf(UrRtdeArm.class);
        assertThat(ros).isInstanceOf(RosArm.class);
        assertThat(rq.spec().open()[0]).isEqualTo(0.085);
        assertThat(cam.fps()).isEqualTo(30);
    }

    @Test
    void unknownOrMissingTypesAreNamed() {
        assertThatThrownBy(() -> DriverCatalog.arm("arm", Map.of("type", "kuka"), NanoClock.SYSTEM))
                .hasMessage("arm.type: 'kuka' is not one of [ros-crisp, ros2, ur-rtde, ur_rtde]");
        assertThatThrownBy(() -> DriverCatalog.hand("hand", Map.of("port", "/dev/x"), NanoClock.SYSTEM))
                .hasMessageStartingWith("hand.type: missing");
        assertThatThrownBy(() -> DriverCatalog.arm("arm", Map.of("type", "ur-rtde"), NanoClock.SYSTEM))
                .hasMessage("arm.host: missing");
    }
}
