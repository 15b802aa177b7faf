package studio.tandem.teleop.robotiq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.HexFormat;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studio.tandem.teleop.testing.Allocations;
import studio.tandem.dataset.time.ManualClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.robot.HandCommand;
import studio.tandem.teleop.robot.HandState;
import studio.tandem.teleop.serial.MemoryLink;

class Robotiq2FRobotiqTest {
    private final MemoryLink link = new MemoryLink();
    private final FakeRobotiqSlave slave = new FakeRobotiqSlave(link.device(), 9);
    private final Thread peer = new Thread(slave, "fake-robotiq");
    private Robotiq2FGripper gripper;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (gripper != null) {
            gripper.close();
        }
        slave.stop();
        link.unplug();
        peer.join(2000);
    }

    private Robotiq2FGripper start() {
        peer.setDaemon(true);
        peer.start();
        RobotiqConfig cfg = new RobotiqConfig("gripper", "/dev/ttyRQ", 115_200, 9, 0.085, 200, 100, 100, 30, 400,
                2000);
        gripper = new Robotiq2FGripper(cfg, link.opener(), new ManualClock(7), r -> new Thread(r, "rq-test"));
        return gripper;
    }

    @Test
    void crcMatchesTheManualFrames() {
        HexFormat hex = HexFormat.of();
        byte[] clear = hex.parseHex("091003e8000306000000000000" + "0000");
        assertThat(hex.formatHex(clear, 13, 15)).isEqualTo("0000");
        ModbusRtu.seal(clear, 13);
        assertThat(hex.formatHex(clear)).isEqualTo("091003e8000306000000000000" + "7330");
        byte[] activate = hex.parseHex("091003e8000306010000000000" + "0000");
        ModbusRtu.seal(activate, 13);
        assertThat(hex.formatHex(activate, 13, 15)).isEqualTo("72e1");
        byte[] read = hex.parseHex("090407d00003" + "0000");
        ModbusRtu.seal(read, 6);
        assertThat(hex.formatHex(read, 6, 8)).isEqualTo("b1ce");
    }

    @Test
    void normalSessionActivatesMovesAndDetectsObjects() throws Exception {
        start().connect();
        assertThat(gripper.state()).isEqualTo(DeviceState.CONNECTED);
        assertThat(slave.writes.get()).as("connect does not move the gripper").isZero();
        HandState s = new HandState(1, 2);
        gripper.read(s);
        assertThat(s.positions()[0]).isCloseTo(0.085, offset(1e-9));
        assertThat(s.stampNanos()).isEqualTo(7);

        gripper.activate();
        assertThat(gripper.state()).isEqualTo(DeviceState.ACTIVE);
        assertThat(slave.output[0] >>> 8 & 1).isEqualTo(1);
        HandCommand cmd = new HandCommand(1);
        HandCommand applied = new HandCommand(1);
        gripper.send(cmd.set(new double[] {0.0425}, 3), applied);
        assertThat(applied.positions()[0]).isEqualTo(0.0425);
        long bytes = Allocations.bytes(() -> {
            gripper.read(s);
            gripper.send(cmd, applied);
        }, 2000, 2000);
        assertThat(bytes).as("bytes allocated by 2000 read + send").isLessThan(4096);
        waitFor(() -> slave.position() == 128);
        assertThat(slave.output[0] >>> 8).isEqualTo(0x09);
        assertThat(slave.output[2]).isEqualTo(200 << 8 | 100);
        waitFor(() -> {
            gripper.read(s);
            return Math.abs(s.positions()[0] - (1 - 128 / 255.0) * 0.085) < 1e-9;
        });
        assertThat(gripper.current()).isCloseTo(0.23, offset(1e-9));

        slave.objectAt = 200;
        gripper.send(cmd.set(new double[] {-1}, 4), applied);
        assertThat(applied.positions()[0]).isZero();
        waitFor(() -> gripper.objectDetection() == GripperStatus.ObjectDetection.CONTACT_CLOSING);
        assertThat(slave.position()).isEqualTo(200);
        int writes = slave.writes.get();
        Thread.sleep(60);
        assertThat(slave.writes.get()).as("an unchanged request is not rewritten").isEqualTo(writes);
        gripper.deactivate();
        assertThat(gripper.state()).isEqualTo(DeviceState.CONNECTED);
        assertThatThrownBy(() -> gripper.send(cmd, applied)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void malformedRepliesAndExceptionsAreCountedWithoutFault() throws Exception {
        start().connect();
        ModbusRtu m = gripper.modbus();
        slave.exceptionNext = 1;
        waitFor(() -> m.exceptions() >= 1);
        slave.corruptNext = 2;
        waitFor(() -> m.crcErrors() >= 2);
        assertThat(m.lastException()).isEqualTo(2);
        int reads = slave.reads.get();
        waitFor(() -> slave.reads.get() > reads + 2);
        assertThat(gripper.state()).isEqualTo(DeviceState.CONNECTED);
    }

    @Test
    void silenceFaultsAndConnectNamesTheSlave() throws Exception {
        start().connect();
        slave.silent = true;
        waitFor(() -> gripper.state() == DeviceState.FAULT);
        assertThat(gripper.faultReason()).contains("slave 9").contains("/dev/ttyRQ");
        assertThat(gripper.modbus().timeouts()).isPositive();
        assertThatThrownBy(gripper::connect).isInstanceOf(DeviceException.class)
                .hasMessageContaining("no Modbus reply from slave 9 on /dev/ttyRQ");
        slave.silent = false;
        gripper.connect();
        assertThat(gripper.state()).isEqualTo(DeviceState.CONNECTED);
    }

    @Test
    void majorGripperFaultAndUnplugFault() throws Exception {
        start().connect();
        gripper.activate();
        slave.fault = 0x0E;
        waitFor(() -> gripper.state() == DeviceState.FAULT);
        assertThat(gripper.faultReason()).contains("0xe").contains("overcurrent");
        slave.fault = 0;
        gripper.connect();
        gripper.activate();
        link.unplug();
        waitFor(() -> gripper.state() == DeviceState.FAULT);
        assertThat(gripper.faultReason()).contains("serial link /dev/ttyRQ lost");
    }

    @Test
    void configFromMap() {
        RobotiqConfig c = RobotiqConfig.fromMap("gripper", Map.of("type", "robotiq-2f140", "port", "/dev/ttyUSB1",
                "force", 80));
        assertThat(c.strokeMeters()).isEqualTo(0.140);
        assertThat(c.force()).isEqualTo(80);
        assertThat(c.slaveId()).isEqualTo(9);
        assertThatThrownBy(() -> RobotiqConfig.fromMap("gripper", Map.of("type", "robotiq-3f", "port", "/dev/x")))
                .hasMessageStartingWith("gripper.type: 'robotiq-3f' is not");
        assertThatThrownBy(() -> RobotiqConfig.fromMap("gripper", Map.of("port", "/dev/x", "force", 300)))
                .hasMessage("gripper.force: 300 is outside 0..255");
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
