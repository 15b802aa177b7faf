package studio.tandem.app.studio.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.tandem.app.config.StationConfig;
import studio.tandem.app.station.OperatorDeviceFactory;
import studio.tandem.autonomy.loop.OperatorSample;
import studio.tandem.dataset.time.ManualClock;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.app.station.OperatorDeviceSetup;
import studio.tandem.teleop.input.PoseSample;
import studio.tandem.teleop.input.ProgrammaticDevice;
import studio.tandem.teleop.keyboard.KeyboardDevice;
import studio.tandem.teleop.retarget.ArmRetargetConfig;
import studio.tandem.teleop.testing.Allocations;
import studio.tandem.teleop.kinematics.ForwardKinematics;
import studio.tandem.teleop.retarget.ArmTarget;
import studio.tandem.teleop.sim.SimConfig;
import studio.tandem.teleop.station.SimulatedStation;

/** The keyboard as the loop's operator: keys move the TCP through IK, the clutch holds, G closes the hand. */
class StationOperatorTest {
    private SimulatedStation sim;
    private KeyboardDevice keyboard;
    private StationOperator op;
    private OperatorSample sample;

    @BeforeEach
    void setUp() throws Exception {
        sim = SimulatedStation.create(SimConfig.defaults(1), new ManualClock(1_000_000_000L), false);
        sim.station().connect();
        sim.station().activate();
        keyboard = new KeyboardDevice("keyboard", NanoClock.SYSTEM);
        keyboard.connect();
        op = new StationOperator(keyboard, sim.arm(), sim.hand(), NanoClock.SYSTEM, 100);
        sample = new OperatorSample(op.layout());
    }

    @AfterEach
    void tearDown() {
        keyboard.close();
        sim.close();
    }

    private void readFor(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            assertThat(op.read(sample)).isTrue();
            Thread.sleep(10);
        }
    }

    private double tcpZ() {
        double[] q = new double[6];
        System.arraycopy(sample.target(), 0, q, 0, 6);
        return new ForwardKinematics(sim.arm().chain()).tcp(q, new Matrix4d()).getTranslation(new Vector3d()).z;
    }

    @Test
    void startsWhereTheRobotIsAndRKeyRaisesTheTcp() throws Exception {
        readFor(150);
        assertThat(sample.target()[0]).isCloseTo(SimConfig.HOME[0], org.assertj.core.data.Offset.offset(1e-6));
        double z0 = tcpZ();
        assertThat(op.armMode()).isEqualTo(ArmTarget.Mode.FOLLOW);
        keyboard.keyDown("R");
        readFor(500);
        keyboard.keyUp("R");
        assertThat(tcpZ() - z0).as("R moves the TCP up (0.1 m/s for 0.5 s)").isBetween(0.02, 0.08);
        assertThat(sample.armMotion).isGreaterThanOrEqualTo(0);
    }

    @Test
    void anOperatorStandingAtTheRobotsSideDrivesInTheirOwnFrame() throws Exception {
        StationConfig side = StationConfig.simulated();
        side = new StationConfig(side.name(), side.arm(), side.hand(), side.cameras(),
                java.util.List.of(new StationConfig.DeviceConfig("keyboard", "facing=90")));
        StationOperator turned = new StationOperator(keyboard, OperatorDeviceFactory.keyboardRetargeting(side), null,
                sim.arm(), sim.hand(), NanoClock.SYSTEM, 100);
        readWith(turned, () -> { }, 150);
        Vector3d start = tcp();
        keyboard.keyDown("W");
        readWith(turned, () -> { }, 500);
        keyboard.keyUp("W");
        Vector3d moved = tcp().sub(start);
        assertThat(moved.y).as("W (forward) moves along the robot's +Y for an operator looking along it")
                .isBetween(0.02, 0.08);
        assertThat(Math.abs(moved.x)).isLessThan(0.005);
    }

    private Vector3d tcp() {
        double[] q = new double[6];
        System.arraycopy(sample.target(), 0, q, 0, 6);
        return new ForwardKinematics(sim.arm().chain()).tcp(q, new Matrix4d()).getTranslation(new Vector3d());
    }

    @Test
    void clutchReleasedHoldsTheArm() throws Exception {
        readFor(100);
        keyboard.keyDown("SPACE");
        keyboard.keyUp("SPACE");
        readFor(100);
        assertThat(op.clutchEngaged()).isFalse();
        assertThat(op.armMode()).isEqualTo(ArmTarget.Mode.CLUTCH_RELEASED);
        double z0 = tcpZ();
        keyboard.keyDown("R");
        readFor(300);
        keyboard.keyUp("R");
        assertThat(tcpZ()).isCloseTo(z0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void gClosesTheHandAndCountsAsHandMotion() throws Exception {
        readFor(100);
        int arm = op.layout().armDof();
        double open = sample.target()[arm];
        keyboard.keyDown("G");
        boolean moved = false;
        long end = System.nanoTime() + 400_000_000L;
        while (System.nanoTime() < end) {
            op.read(sample);
            moved |= sample.handMotion > 0;
            Thread.sleep(10);
        }
        keyboard.keyUp("G");
        assertThat(op.closure()).isGreaterThan(0.3);
        assertThat(moved).isTrue();
        double[] closed = sim.hand().spec().closed();
        assertThat(Math.abs(sample.target()[arm] - closed[0])).isLessThan(Math.abs(open - closed[0]));
    }

    @Test
    void takeoverIsPassedToTheLoop() {
        op.read(sample);
        assertThat(sample.takeoverHeld).isFalse();
        op.takeover(true);
        op.read(sample);
        assertThat(sample.takeoverHeld).isTrue();
    }

    @Test
    void aPrimaryDeviceDrivesTheKeyboardClutchGatesItAndALostDeviceHandsBackWithoutAJump() throws Exception {
        ProgrammaticDevice mouse = new ProgrammaticDevice("spacemouse", NanoClock.SYSTEM, "tool");
        mouse.connect();
        StationOperator both = new StationOperator(keyboard, new OperatorDeviceSetup("spacemouse", mouse,
                ArmRetargetConfig.defaults(0), null), sim.arm(), sim.hand(), NanoClock.SYSTEM, 100);
        double[] z = {0};
        PoseSample p = new PoseSample();
        Runnable publish = () -> mouse.publish(0, p.set(System.nanoTime(), 0, 0, z[0], 0, 0, 0, 1)
                .setInputs(1L << PoseSample.BUTTON_CLUTCH, 0, 0, true));
        publish.run();
        both.read(sample);
        assertThat(both.primaryDriving()).isTrue();
        double z0 = tcpZ();
        for (int i = 0; i < 40; i++) {
            z[0] += 0.001;
            publish.run();
            both.read(sample);
            Thread.sleep(5);
        }
        readWith(both, publish, 300);
        assertThat(tcpZ() - z0).as("the device's 4 cm up reach the TCP").isCloseTo(0.04, within(0.005));

        keyboard.keyDown("SPACE");
        keyboard.keyUp("SPACE");
        readUntil(both, publish, () -> both.armMode() == ArmTarget.Mode.CLUTCH_RELEASED);
        assertThat(both.armMode()).isEqualTo(ArmTarget.Mode.CLUTCH_RELEASED);
        double held = tcpZ();
        z[0] += 0.05;
        readWith(both, publish, 200);
        assertThat(tcpZ()).as("keyboard clutch open: the device moves alone").isCloseTo(held, within(1e-6));
        keyboard.keyDown("SPACE");
        keyboard.keyUp("SPACE");
        readUntil(both, publish, () -> both.armMode() == ArmTarget.Mode.FOLLOW);
        assertThat(both.armMode()).as("clutch re-engaged").isEqualTo(ArmTarget.Mode.FOLLOW);
        readWith(both, publish, 200);
        assertThat(tcpZ()).as("clutch re-engaged where the device is: no jump").isCloseTo(held, within(1e-3));

        double[] before = sample.target().clone();
        mouse.simulateFault("SpaceMouse lost (unplugged); reconnecting");
        both.read(sample);
        assertThat(both.primaryDriving()).isFalse();
        for (int i = 0; i < 6; i++) {
            assertThat(sample.target()[i]).as("handing back to the keyboard keeps the target").isCloseTo(before[i],
                    within(1e-6));
        }
        keyboard.keyDown("R");
        readUntil(both, () -> { }, () -> tcpZ() - held > 0.01);
        keyboard.keyUp("R");
        assertThat(tcpZ() - held).as("the keyboard drives again").isGreaterThan(0.01);
        assertThat(both.switches()).isEqualTo(2);
    }

    /** Reads (publishing first) until {@code done} or 5 s: what a loaded machine may take, not a fixed window. */
    private void readUntil(StationOperator o, Runnable publish, java.util.function.BooleanSupplier done)
            throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < end) {
            publish.run();
            o.read(sample);
            Thread.sleep(10);
        }
    }

    private void readWith(StationOperator o, Runnable publish, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            publish.run();
            o.read(sample);
            Thread.sleep(10);
        }
    }

    @Test
    void readAllocatesNothingPerTickWithTheDeviceAbsentOrDriving() {
        ProgrammaticDevice mouse = new ProgrammaticDevice("spacemouse", NanoClock.SYSTEM, "tool");
        StationOperator both = new StationOperator(keyboard, new OperatorDeviceSetup("spacemouse", mouse,
                ArmRetargetConfig.defaults(0), null), sim.arm(), sim.hand(), NanoClock.SYSTEM, 100);
        long absent = Allocations.bytes(() -> both.read(sample), 3000, 20_000);
        assertThat(both.primaryDriving()).isFalse();
        mouse.connect();
        mouse.publish(0, new PoseSample().set(System.nanoTime(), 0, 0, 0, 0, 0, 0, 1)
                .setInputs(1L << PoseSample.BUTTON_CLUTCH, 0, 0, true));
        long driving = Allocations.bytes(() -> both.read(sample), 3000, 20_000);
        assertThat(both.primaryDriving()).isTrue();
        assertThat(absent).as("bytes over 20k ticks, device absent").isLessThan(4096);
        assertThat(driving).as("bytes over 20k ticks, device driving").isLessThan(4096);
    }

    @Test
    void aGamepadFromTheStationFileDrivesWhilePluggedAndItsEstopLatchesUntilCleared(@TempDir Path dir)
            throws Exception {
        Path js = dir.resolve("js0");
        assertThat(new ProcessBuilder("mkfifo", js.toString()).start().waitFor()).isZero();
        OperatorDeviceSetup pad = OperatorDeviceFactory.build(new StationConfig.DeviceConfig("gamepad",
                "device=" + js), NanoClock.SYSTEM);
        pad.pad().start();
        pad.device().connect();
        pad.device().activate();
        StationOperator both = new StationOperator(keyboard, pad, sim.arm(), sim.hand(), NanoClock.SYSTEM, 100);
        try {
            both.read(sample);
            assertThat(both.primaryDriving()).as("nothing plugged in: the keyboard drives").isFalse();
            assertThat(pad.problem()).contains(js.toString());
            double z0 = tcpZ();
            try (OutputStream dev = Files.newOutputStream(js)) {
                dev.write(jsEvent(-32767, 2, 3)); // right stick up: +z
                dev.flush();
                readUntil(both, () -> { }, () -> both.primaryDriving() && tcpZ() - z0 > 0.01);
                assertThat(both.primaryDriving()).isTrue();
                assertThat(tcpZ() - z0).as("the stick raises the TCP").isGreaterThan(0.01);
                dev.write(jsEvent(0, 2, 3));
                dev.write(jsEvent(1, 1, 1)); // B: e-stop
                dev.flush();
                long until = System.nanoTime() + 2_000_000_000L;
                while (!sample.estopPressed && System.nanoTime() < until) {
                    both.read(sample);
                    Thread.sleep(5);
                }
                assertThat(sample.estopPressed).isTrue();
                dev.write(jsEvent(0, 1, 1));
                dev.flush();
                both.clearEstop();
                Thread.sleep(50);
                both.read(sample);
                both.read(sample);
                assertThat(sample.estopPressed).as("cleared in the pad and the retargeters").isFalse();
            }
            long end = System.nanoTime() + 3_000_000_000L;
            while (both.primaryDriving() && System.nanoTime() < end) {
                both.read(sample);
                Thread.sleep(5);
            }
            assertThat(both.primaryDriving()).as("unplugged: back to the keyboard").isFalse();
        } finally {
            pad.close();
            Thread unblock = new Thread(() -> { // the reader may wait in open() for a writer
                try (OutputStream w = Files.newOutputStream(js)) {
                    w.flush();
                } catch (java.io.IOException e) {
                    // the reader is gone
                }
            });
            unblock.setDaemon(true);
            unblock.start();
        }
    }

    private static byte[] jsEvent(int value, int type, int number) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putShort((short) value)
                .put((byte) type).put((byte) number).array();
    }
}
