package studio.tandem.teleop.ur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Set;
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

class UrRtdeArmRtdeTest {
    private final ManualClock clock = new ManualClock(1_000);
    private FakeUrController robot;
    private UrRtdeArm arm;

    @AfterEach
    void tearDown() throws Exception {
        if (arm != null) {
            arm.close();
        }
        if (robot != null) {
            robot.close();
        }
    }

    private UrRtdeArm start() throws Exception {
        robot = new FakeUrController(250);
        arm = new UrRtdeArm(robot.config(), clock, r -> new Thread(r, "ur-test"));
        return arm;
    }

    @Test
    void normalSessionStreamsStateAndServoes() throws Exception {
        start();
        assertThat(robot.connections).as("constructor does no I/O").isZero();
        arm.connect();
        assertThat(arm.state()).isEqualTo(DeviceState.CONNECTED);
        assertThat(arm.controllerVersion()).isEqualTo("5.15.0.0");
        ArmState s = new ArmState(6);
        arm.read(s);
        assertThat(s.positions()).containsExactly(0, -1.57, 1.57, -1.57, -1.57, 0);
        assertThat(s.stampNanos()).isEqualTo(1_000);
        double[] pq = new double[7];
        s.tcpPosQuat(pq, 0);
        assertThat(pq[0]).isCloseTo(0.1, offset(1e-12));
        assertThat(pq[5]).isCloseTo(Math.sqrt(0.5), offset(1e-9));
        assertThat(pq[6]).isCloseTo(Math.sqrt(0.5), offset(1e-9));
        assertThatThrownBy(() -> arm.send(new ArmCommand(6), new ArmCommand(6)))
                .isInstanceOf(IllegalStateException.class);

        arm.activate();
        assertThat(arm.state()).isEqualTo(DeviceState.ACTIVE);
        String program = robot.programs.get(0);
        assertThat(program).contains("rtde_set_watchdog(\"input_int_register_25\", 10.000, \"stop\")")
                .contains("servoj(t, 0, 0, 0.004000, 0.1000, 300.0)").contains("servol(p[t[0]")
                .contains("read_input_float_register(29)").contains("write_output_integer_register(24, n)");
        assertThat(robot.lastMode).isEqualTo(UrServoScript.MODE_SERVOJ);
        assertThat(robot.lastTarget).containsExactly(0, -1.57, 1.57, -1.57, -1.57, 0);

        ArmCommand cmd = new ArmCommand(6);
        ArmCommand applied = new ArmCommand(6);
        arm.send(cmd.setJoint(new double[] {0.1, -1.5, 1.5, -1.5, -1.5, 9.0}, 5), applied);
        assertThat(applied.positions()[5]).isEqualTo(2 * Math.PI);
        waitFor(() -> {
            arm.read(s);
            return s.positions()[0] == 0.1;
        });
        arm.send(cmd.setJoint(new double[] {Double.NaN, 0, 0, 0, 0, 0}, 6), applied);
        assertThat(arm.rejectedCount()).isEqualTo(1);
        assertThat(applied.positions()[0]).isEqualTo(0.1);

        Matrix4d pose = new Matrix4d().translation(0.4, -0.1, 0.3).rotateZ(Math.PI / 2);
        arm.send(cmd.setCartesian(pose, 7), applied);
        waitFor(() -> robot.lastMode == UrServoScript.MODE_SERVOL);
        double[] t = robot.lastTarget;
        assertThat(t[0]).isCloseTo(0.4, offset(1e-12));
        assertThat(t[1]).isCloseTo(-0.1, offset(1e-12));
        assertThat(t[5]).isCloseTo(Math.PI / 2, offset(1e-9));
        assertThat(applied.mode()).isEqualTo(ArmCommand.Mode.CARTESIAN_POSE);
        long bytes = Allocations.bytes(() -> {
            arm.read(s);
            arm.send(cmd.setCartesian(pose, 8), applied);
            arm.send(cmd.setJoint(s.positions(), 9), applied);
        }, 2000, 2000);
        assertThat(bytes).as("bytes allocated by 2000 read + Cartesian send + joint send").isLessThan(4096);

        arm.deactivate();
        waitFor(() -> robot.lastMode == UrServoScript.MODE_HOLD);
        arm.activate();
        arm.close();
        waitFor(() -> robot.programs.get(robot.programs.size() - 1).contains("def tandem_stop():"));
        assertThat(arm.state()).isEqualTo(DeviceState.DISCONNECTED);
    }

    @Test
    void activationWaitsForTheNewProgramNotAnOldOne() throws Exception {
        start().connect();
        arm.activate();
        arm.deactivate();
        robot.ignorePrograms = true;
        assertThatThrownBy(arm::activate).isInstanceOf(DeviceException.class)
                .hasMessageContaining("the servo program did not start within 2 s");
        assertThat(arm.state()).isEqualTo(DeviceState.CONNECTED);
        assertThat(robot.programs).hasSize(2);
        robot.ignorePrograms = false;
        arm.activate();
        assertThat(arm.state()).isEqualTo(DeviceState.ACTIVE);
    }

    @Test
    void lostConnectionFaultsAndReconnects() throws Exception {
        start().connect();
        arm.activate();
        robot.dropConnection();
        waitFor(() -> arm.state() == DeviceState.FAULT);
        assertThat(arm.faultReason()).contains("RTDE connection to 127.0.0.1:" + robot.rtdeServer.getLocalPort())
                .contains("watchdog");
        waitFor(() -> robot.watchdogTripped);
        assertThatThrownBy(() -> arm.read(new ArmState(6))).isInstanceOf(IllegalStateException.class);
        arm.connect();
        assertThat(arm.state()).isEqualTo(DeviceState.CONNECTED);
        assertThat(robot.connections).isEqualTo(2);
    }

    @Test
    void stalledStreamTimesOutAndTheRobotWatchdogStops() throws Exception {
        start().connect();
        arm.activate();
        robot.stall = true;
        waitFor(() -> arm.state() == DeviceState.FAULT);
        assertThat(arm.faultReason()).contains("no RTDE data").contains("400 ms");
        waitFor(() -> robot.watchdogTripped);
    }

    @Test
    void malformedPackagesFaultUnknownOnesAreSkipped() throws Exception {
        start().connect();
        robot.sendUnknown = true;
        waitFor(() -> !robot.sendUnknown);
        long n = arm.packagesReceived();
        waitFor(() -> arm.packagesReceived() > n + 5);
        assertThat(arm.state()).isEqualTo(DeviceState.CONNECTED);
        robot.sendMalformed = true;
        waitFor(() -> arm.state() == DeviceState.FAULT);
        assertThat(arm.faultReason()).contains("malformed RTDE data package");
    }

    @Test
    void safetyStopWhileActiveFaults() throws Exception {
        start().connect();
        arm.activate();
        robot.safetyMode = 3;
        waitFor(() -> arm.state() == DeviceState.FAULT);
        assertThat(arm.faultReason()).contains("protective stop");
    }

    @Test
    void handshakeFailuresAreNamed() throws Exception {
        start();
        robot.refuseVersion = true;
        assertThatThrownBy(arm::connect).isInstanceOf(DeviceException.class).hasMessageContaining("refused RTDE protocol v2");
        robot.refuseVersion = false;
        robot.notFound = Set.of("actual_TCP_pose");
        assertThatThrownBy(arm::connect).hasMessageContaining("actual_TCP_pose").hasMessageContaining("NOT_FOUND");
        robot.notFound = Set.of();
        robot.silentHandshake = true;
        assertThatThrownBy(arm::connect).hasMessageContaining("timed out after 1000 ms");
        assertThat(arm.state()).isEqualTo(DeviceState.DISCONNECTED);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        UrRtdeArm nobody = new UrRtdeArm(UrRtdeConfig.fromMap("arm", Map.of("host", "127.0.0.1",
                "rtde_port", closedPort)), clock);
        assertThatThrownBy(nobody::connect).hasMessageStartingWith("arm: cannot reach the RTDE interface at 127.0.0.1:"
                + closedPort);
    }

    @Test
    void configFromMap() {
        UrRtdeConfig c = UrRtdeConfig.fromMap("arm", Map.of("type", "ur-rtde", "host", "192.168.1.10",
                "model", "ur10e", "gain", 500));
        assertThat(c.rtdePort()).isEqualTo(30004);
        assertThat(c.scriptPort()).isEqualTo(30002);
        assertThat(c.frequencyHz()).isEqualTo(500);
        assertThat(new UrRtdeArm(c, clock).chain().a()[1]).isEqualTo(-0.6127);
        assertThatThrownBy(() -> UrRtdeConfig.fromMap("arm", Map.of("host", "h", "model", "ur7")))
                .hasMessageStartingWith("arm.model: unknown UR model 'ur7'");
        assertThatThrownBy(() -> UrRtdeConfig.fromMap("arm", Map.of("host", "h", "lookahead", 1)))
                .hasMessage("arm.lookahead: 1.0 is outside 0.03..0.2");
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
