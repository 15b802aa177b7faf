package studio.tandem.teleop.leap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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

class LeapHandDynamixelTest {
    private static final int[] IDS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    private final MemoryLink link = new MemoryLink();
    private final FakeDynamixelBus motors = new FakeDynamixelBus(link.device(), IDS);
    private final Thread peer = new Thread(motors, "fake-dxl");
    private final ManualClock clock = new ManualClock(5_000);
    private LeapHand hand;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (hand != null) {
            hand.close();
        }
        motors.stop();
        link.unplug();
        peer.join(2000);
    }

    private LeapHand startHand(int faultAfterMs) {
        peer.setDaemon(true);
        peer.start();
        LeapHandConfig cfg = new LeapHandConfig("hand", "/dev/ttyLEAP", 4_000_000, IDS, 300, 600, 0, 200, 200, 20,
                faultAfterMs, 1.0);
        hand = new LeapHand(cfg, link.opener(), clock, r -> new Thread(r, "leap-test"));
        return hand;
    }

    @Test
    void crcAndFramingMatchTheManualExamples() {
        HexFormat hex = HexFormat.of();
        byte[] out = new byte[64];
        int n = DynamixelPacket.encode(1, DynamixelPacket.PING, new byte[0], 0, 0, out);
        assertThat(hex.formatHex(out, 0, n)).isEqualTo("fffffd0001030001194e");
        n = DynamixelPacket.encode(1, DynamixelPacket.READ, new byte[] {(byte) 0x84, 0, 4, 0}, 0, 4, out);
        assertThat(hex.formatHex(out, 0, n)).isEqualTo("fffffd0001070002840004001d15");
        byte[] sync = hex.parseHex("740004000196000000" + "02aa000000");
        n = DynamixelPacket.encode(0xFE, DynamixelPacket.SYNC_WRITE, sync, 0, sync.length, out);
        assertThat(hex.formatHex(out, 0, n)).isEqualTo("fffffd00fe11008374000400019600000002aa0000008287");
    }

    @Test
    void byteStuffingIsAddedCountedAndRemoved() {
        byte[] params = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFD, 0x01};
        byte[] out = new byte[64];
        int n = DynamixelPacket.encode(3, DynamixelPacket.WRITE, params, 0, 4, out);
        assertThat(HexFormat.of().formatHex(out, 7, 13)).isEqualTo("03fffffdfd01");
        assertThat(DynamixelPacket.u16(out, 5)).isEqualTo(n - 7);
        assertThat(DynamixelPacket.u16(out, n - 2)).isEqualTo(DynamixelPacket.crc(out, 0, n - 2));
        int body = DynamixelPacket.unstuff(out, 7, n - 9);
        assertThat(HexFormat.of().formatHex(out, 7, 7 + body)).isEqualTo("03fffffd01");
    }

    @Test
    void constructorDoesNoIoAndCommandsNeedActivation() {
        AtomicInteger opens = new AtomicInteger();
        LeapHand h = new LeapHand(LeapHandConfig.defaults("hand", "/dev/none"), (d, b) -> {
            opens.incrementAndGet();
            throw new java.io.IOException("serial port " + d + ": no such port");
        }, clock, Thread::new);
        assertThat(opens).hasValue(0);
        assertThat(h.state()).isEqualTo(DeviceState.DISCONNECTED);
        assertThat(h.observationFeatures().all()).extracting(f -> f.name()).containsExactly("observation.hand.joint_pos",
                "observation.hand.tactile");
        assertThatThrownBy(() -> h.read(new HandState(16, 4))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(h::connect).isInstanceOf(DeviceException.class).hasMessageContaining("/dev/none");
        h.close();
        h.close();
    }

    @Test
    void normalSessionConfiguresReadsAndWritesGoals() throws Exception {
        startHand(400).connect();
        assertThat(hand.state()).isEqualTo(DeviceState.CONNECTED);
        for (int id : IDS) {
            assertThat(motors.value(id, ControlTable.OPERATING_MODE, 1)).isEqualTo(5);
            assertThat(motors.value(id, ControlTable.POSITION_P_GAIN, 2)).isEqualTo(600);
            assertThat(motors.value(id, ControlTable.POSITION_D_GAIN, 2)).isEqualTo(200);
            assertThat(motors.value(id, ControlTable.GOAL_CURRENT, 2)).isEqualTo(300);
            assertThat(motors.value(id, ControlTable.TORQUE_ENABLE, 1)).isZero();
        }
        HandState s = new HandState(16, 4);
        hand.read(s);
        assertThat(s.positions()[5]).isCloseTo(50 * ControlTable.RAD_PER_TICK, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.stampNanos()).isEqualTo(5_000);
        HandCommand cmd = new HandCommand(16);
        HandCommand applied = new HandCommand(16);
        assertThatThrownBy(() -> hand.send(cmd, applied)).isInstanceOf(IllegalStateException.class);

        hand.activate();
        waitFor(() -> motors.value(7, ControlTable.TORQUE_ENABLE, 1) == 1);
        assertThat(motors.value(7, ControlTable.GOAL_POSITION, 4)).isEqualTo(2048 + 70);
        double[] q = new double[16];
        q[0] = 1.0;
        q[1] = 5.0;
        q[2] = Double.NaN;
        hand.send(cmd.set(q, 42), applied);
        assertThat(applied.positions()[0]).isEqualTo(1.0);
        assertThat(applied.positions()[1]).isEqualTo(1.047);
        assertThat(applied.positions()[2]).isCloseTo(20 * ControlTable.RAD_PER_TICK, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(hand.rejectedCount()).isEqualTo(1);
        long bytes = Allocations.bytes(() -> {
            hand.read(s);
            hand.send(cmd, applied);
        }, 2000, 2000);
        assertThat(bytes).as("bytes allocated by 2000 read + send").isLessThan(4096);
        waitFor(() -> motors.value(0, ControlTable.GOAL_POSITION, 4) == ControlTable.radToTicks(1.0));
        waitFor(() -> {
            hand.read(s);
            return Math.abs(s.positions()[0] - 1.0) < ControlTable.RAD_PER_TICK;
        });
        motors.setPresentCurrent(3, -120);
        double[] vel = new double[16];
        double[] cur = new double[16];
        waitFor(() -> {
            hand.readMotors(vel, cur);
            return Math.abs(cur[3] + 0.120) < 1e-9;
        });
        hand.deactivate();
        assertThat(hand.state()).isEqualTo(DeviceState.CONNECTED);
        hand.close();
        waitFor(() -> motors.value(0, ControlTable.TORQUE_ENABLE, 1) == 0);
        assertThat(hand.state()).isEqualTo(DeviceState.DISCONNECTED);
    }

    @Test
    void malformedRepliesAreCountedAndTheHandRecovers() throws Exception {
        startHand(500).connect();
        DynamixelBus bus = hand.bus();
        motors.corruptNextReplies = 3;
        motors.garbageBeforeNextReplies = 4;
        waitFor(() -> bus.crcErrors() >= 3 && bus.discardedBytes() > 0 && motors.corruptNextReplies == 0
                && motors.garbageBeforeNextReplies == 0);
        int reads = motors.syncReads.get();
        waitFor(() -> motors.syncReads.get() > reads + 3);
        assertThat(hand.state()).isEqualTo(DeviceState.CONNECTED);
        assertThat(bus.crcErrors()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void errorStatusIsReportedWithTheManualsText() throws Exception {
        startHand(400);
        motors.writeError = 0x04;
        assertThatThrownBy(hand::connect).isInstanceOf(DeviceException.class)
                .hasMessage("hand: motor 0 rejected current-based position mode (data range error)");
        assertThat(hand.state()).isEqualTo(DeviceState.DISCONNECTED);
        motors.writeError = 0;
        hand.connect();
        assertThat(hand.state()).isEqualTo(DeviceState.CONNECTED);
    }

    @Test
    void silentMotorFaultsWithItsIdAndConnectNamesMissingMotors() throws Exception {
        startHand(100).connect();
        motors.silentId = 9;
        waitFor(() -> hand.state() == DeviceState.FAULT);
        assertThat(hand.faultReason()).contains("[9]").contains("/dev/ttyLEAP");
        assertThatThrownBy(() -> hand.read(new HandState(16, 4))).hasMessageContaining("FAULT");
        assertThatThrownBy(hand::connect).isInstanceOf(DeviceException.class)
                .hasMessageContaining("motors [9] do not answer");
        motors.silentId = -1;
        hand.connect();
        assertThat(hand.state()).isEqualTo(DeviceState.CONNECTED);
    }

    @Test
    void unplugFaultsAndReplugReconnects() throws Exception {
        startHand(400).connect();
        hand.activate();
        link.unplug();
        waitFor(() -> hand.state() == DeviceState.FAULT);
        assertThat(hand.faultReason()).contains("serial link /dev/ttyLEAP lost");
        assertThatThrownBy(() -> hand.send(new HandCommand(16), new HandCommand(16)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(hand::connect).isInstanceOf(DeviceException.class).hasMessageContaining("no such port");
        link.replug();
        hand.connect();
        assertThat(hand.state()).isEqualTo(DeviceState.CONNECTED);
        hand.activate();
        assertThat(hand.state()).isEqualTo(DeviceState.ACTIVE);
    }

    @Test
    void configFromMapNamesBadKeys() {
        LeapHandConfig c = LeapHandConfig.fromMap("hand", Map.of("type", "leap", "port", "/dev/ttyUSB0",
                "current_limit", 250, "motor_ids", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)));
        assertThat(c.baud()).isEqualTo(4_000_000);
        assertThat(c.currentLimit()).isEqualTo(250);
        assertThat(c.motorIds()[15]).isEqualTo(16);
        assertThatThrownBy(() -> LeapHandConfig.fromMap("hand", Map.of())).hasMessage("hand.port: missing");
        assertThatThrownBy(() -> LeapHandConfig.fromMap("hand", Map.of("port", "/dev/x", "baud", "fast")))
                .hasMessage("hand.baud: not an integer: 'fast'");
        assertThatThrownBy(() -> LeapHandConfig.fromMap("hand", Map.of("port", "/dev/x", "motor_ids", List.of(1))))
                .hasMessageContaining("hand.motor_ids");
        assertThatThrownBy(() -> LeapHandConfig.fromMap("hand", Map.of("port", "/dev/x", "kpp", 3)))
                .hasMessageStartingWith("hand.kpp: unknown key");
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
