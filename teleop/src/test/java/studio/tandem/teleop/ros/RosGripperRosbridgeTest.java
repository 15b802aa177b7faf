package studio.tandem.teleop.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studio.tandem.dataset.time.ManualClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.robot.HandCommand;
import studio.tandem.teleop.robot.HandState;

class RosGripperRosbridgeTest {
    private FakeRosbridge server;
    private RosGripper gripper;

    @AfterEach
    void tearDown() throws Exception {
        if (gripper != null) {
            gripper.close();
        }
        if (server != null) {
            server.shutdown();
        }
    }

    private RosGripper start(int faultAfterMs) throws Exception {
        server = new FakeRosbridge("/right", ArmModels.rosJointNames("fr3"));
        server.subscribed.put("/right/joint_states", "sensor_msgs/msg/JointState");
        RosGripperConfig cfg = RosGripperConfig.fromMap("gripper", Map.of("url", server.url(), "namespace", "/right",
                "fault_after_ms", faultAfterMs, "connect_timeout_ms", 2000));
        gripper = new RosGripper(cfg, new ManualClock(3), r -> new Thread(r, "ros-gripper-test"));
        return gripper;
    }

    @Test
    void readsTheFingerJointAndPublishesCommands() throws Exception {
        start(500).connect();
        assertThat(server.advertised).containsEntry("/right/gripper_position_controller/commands",
                "std_msgs/msg/Float64MultiArray");
        HandState s = new HandState(1, 2);
        gripper.read(s);
        assertThat(s.positions()[0]).isCloseTo(0.06, offset(1e-12));
        assertThat(gripper.spec().open()[0]).isEqualTo(0.08);
        gripper.activate();
        HandCommand applied = new HandCommand(1);
        gripper.send(new HandCommand(1).set(new double[] {0.02}, 1), applied);
        RosArmRosbridgeTest.waitFor(() -> Math.abs(server.finger - 0.01) < 1e-12);
        gripper.send(new HandCommand(1).set(new double[] {0.5}, 2), applied);
        assertThat(applied.positions()[0]).isEqualTo(0.08);
        RosArmRosbridgeTest.waitFor(() -> {
            gripper.read(s);
            return Math.abs(s.positions()[0] - 0.08) < 1e-12;
        });
        List<Long> times = server.publishTimes.get("/right/gripper_position_controller/commands");
        assertThat(times.size()).isGreaterThan(1);
    }

    @Test
    void stalledStateAndMissingJointAreNamed() throws Exception {
        start(100).connect();
        server.stallStates = true;
        RosArmRosbridgeTest.waitFor(() -> gripper.state() == DeviceState.FAULT);
        assertThat(gripper.faultReason()).contains("no fr3_finger_joint1 in /right/joint_states");
        assertThatThrownBy(gripper::connect).isInstanceOf(DeviceException.class)
                .hasMessageContaining("no fr3_finger_joint1 in /right/joint_states");
    }
}
