package studio.tandem.teleop.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.joml.Matrix4d;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studio.tandem.teleop.testing.Allocations;
import studio.tandem.dataset.time.ManualClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.robot.ArmCommand;
import studio.tandem.teleop.robot.ArmState;

class RosArmRosbridgeTest {
    private static final List<String> JOINTS = ArmModels.rosJointNames("fr3");
    private final ManualClock clock = new ManualClock(9);
    private FakeRosbridge server;
    private RosArm arm;

    @AfterEach
    void tearDown() throws Exception {
        if (arm != null) {
            arm.close();
        }
        if (server != null) {
            server.shutdown();
        }
    }

    private RosArm start(int faultAfterMs) throws Exception {
        server = new FakeRosbridge("/right", JOINTS);
        RosArmConfig cfg = RosArmConfig.fromMap("arm", Map.of("url", server.url(), "namespace", "right",
                "model", "fr3", "rate_hz", 100, "connect_timeout_ms", 2000, "fault_after_ms", faultAfterMs));
        arm = new RosArm(cfg, clock, r -> new Thread(r, "ros-test"));
        return arm;
    }

    @Test
    void normalSessionReadsStateAndRepublishesTargets() throws Exception {
        start(500).connect();
        assertThat(server.advertised).containsEntry("/right/target_pose", "geometry_msgs/msg/PoseStamped")
                .containsEntry("/right/target_joint", "sensor_msgs/msg/JointState");
        assertThat(server.subscribed).containsEntry("/right/joint_states", "sensor_msgs/msg/JointState")
                .containsEntry("/right/current_pose", "geometry_msgs/msg/PoseStamped");
        ArmState s = new ArmState(7);
        waitFor(() -> {
            arm.read(s);
            return s.tcp().m30() == 0.3;
        });
        assertThat(s.positions()).containsExactly(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7}, offset(1e-12));
        assertThat(s.velocities()[6]).isCloseTo(0.06, offset(1e-12));
        assertThat(s.stampNanos()).isEqualTo(9);
        assertThat(s.tcp().m11()).isCloseTo(-1, offset(1e-12));
        assertThat(server.publishTimes).isEmpty();

        arm.activate();
        Thread.sleep(500);
        List<Long> times = server.publishTimes.get("/right/target_pose");
        double seconds = (times.get(times.size() - 1) - times.get(0)) / 1e9;
        double hz = (times.size() - 1) / seconds;
        assertThat(hz).as("republish rate (Hz)").isGreaterThanOrEqualTo(50);
        JsonNode held = server.lastPublished.get("/right/target_pose");
        assertThat(held.path("header").path("frame_id").asText()).isEqualTo("base");
        assertThat(held.path("pose").path("position").path("x").asDouble()).isEqualTo(0.3);

        ArmCommand cmd = new ArmCommand(7);
        ArmCommand applied = new ArmCommand(7);
        arm.send(cmd.setCartesian(new Matrix4d().translation(0.4, 0.1, 0.35).rotateX(Math.PI), 1), applied);
        waitFor(() -> Math.abs(server.pose[0] - 0.4) < 1e-12);
        assertThat(server.pose[3]).isCloseTo(1, offset(1e-9));
        arm.send(cmd.setJoint(new double[] {0, 0, 0, -2, 0, 2, 9}, 2), applied);
        assertThat(applied.positions()[6]).isEqualTo(3.0159);
        waitFor(() -> server.q[3] == -2.0);
        long bytes = Allocations.bytes(() -> {
            arm.read(s);
            arm.send(cmd, applied);
        }, 2000, 2000);
        assertThat(bytes).as("bytes allocated by 2000 read + send").isLessThan(4096);
        assertThat(server.lastPublished.get("/right/target_joint").path("name").get(0).asText())
                .isEqualTo("fr3_joint1");
        arm.deactivate();
        Thread.sleep(50);
        int n = server.publishTimes.get("/right/target_joint").size();
        Thread.sleep(100);
        assertThat(server.publishTimes.get("/right/target_joint")).hasSize(n);

        JsonNode values = arm.client().callService("/right/controller_manager/list_controllers",
                arm.client().json().createObjectNode().put("x", 1), Duration.ofSeconds(2));
        assertThat(values.path("echo").path("x").asInt()).isEqualTo(1);
        assertThatThrownBy(() -> arm.client().callService("/fail", arm.client().json().createObjectNode(),
                Duration.ofSeconds(2))).hasMessageStartingWith("service /fail failed");
    }

    @Test
    void serverDisconnectFaultsAndReconnects() throws Exception {
        start(500).connect();
        arm.activate();
        server.dropClients();
        waitFor(() -> arm.state() == DeviceState.FAULT);
        assertThat(arm.faultReason()).contains("rosbridge connection to " + server.url() + " lost")
                .contains("holds its last target");
        arm.connect();
        assertThat(arm.state()).isEqualTo(DeviceState.CONNECTED);
    }

    @Test
    void malformedMessagesAreCountedAndIgnored() throws Exception {
        start(500).connect();
        RosbridgeClient c = arm.client();
        server.sendToAll("{not json");
        server.sendToAll("{\"op\":\"publish\",\"topic\":\"/nobody\",\"msg\":{}}");
        server.sendToAll("[1,2]");
        waitFor(() -> c.malformed() >= 3);
        server.omitOneJoint = true;
        Thread.sleep(100);
        assertThat(arm.state()).isEqualTo(DeviceState.CONNECTED);
        server.sendToAll("{\"op\":\"status\",\"level\":\"warning\",\"msg\":\"slow\"}");
        waitFor(() -> c.lastStatus().equals("warning: slow"));
    }

    @Test
    void stalledStateTimesOut() throws Exception {
        start(100).connect();
        server.stallStates = true;
        waitFor(() -> arm.state() == DeviceState.FAULT);
        assertThat(arm.faultReason()).contains("no /right/joint_states from " + server.url()).contains("100 ms");
        assertThatThrownBy(arm::connect).isInstanceOf(DeviceException.class)
                .hasMessageContaining("no complete /right/joint_states");
    }

    @Test
    void unreachableServerIsNamed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RosArm nobody = new RosArm(RosArmConfig.defaults("arm", URI.create("ws://127.0.0.1:" + port), "ur5e"), clock);
        assertThatThrownBy(nobody::connect).isInstanceOf(DeviceException.class)
                .hasMessageStartingWith("arm: cannot open rosbridge at ws://127.0.0.1:" + port);
        assertThat(nobody.state()).isEqualTo(DeviceState.DISCONNECTED);
    }

    @Test
    void configFromMap() {
        RosArmConfig c = RosArmConfig.fromMap("arm", Map.of("url", "ws://localhost:9090",
                "topics", Map.of("target_pose", "/cartesian_impedance_controller/target")));
        assertThat(c.resolve(c.targetPose())).isEqualTo("/cartesian_impedance_controller/target");
        assertThat(c.resolve(c.jointStates())).isEqualTo("/joint_states");
        assertThat(c.rosJointNames()).hasSize(7);
        assertThatThrownBy(() -> RosArmConfig.fromMap("arm", Map.of("url", "http://x"))).hasMessageContaining("arm.url");
        assertThatThrownBy(() -> RosArmConfig.fromMap("arm", Map.of("url", "ws://x", "rate_hz", 20)))
                .hasMessage("arm.rate_hz: 20 is outside 50..1000");
        assertThatThrownBy(() -> RosArmConfig.fromMap("arm", Map.of("url", "ws://x", "topics", Map.of("targt", "a"))))
                .hasMessageStartingWith("arm.topics.targt: unknown key");
        assertThatThrownBy(() -> RosArmConfig.fromMap("arm", Map.of("url", "ws://x", "joint_names", List.of("a"))))
                .hasMessageContaining("arm.joint_names");
    }

    static void waitFor(BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 3 s");
            }
            Thread.sleep(2);
        }
    }
}
