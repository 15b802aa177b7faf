package studio.tandem.teleop.spacemouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.input.PoseSample;

class SpaceMouseDeviceTest {
    @TempDir
    Path dir;

    private static void await(String what, BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!cond.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(2);
        }
    }

    private SpaceMouseConfig cfg(Path sock) {
        return SpaceMouseConfig.defaults().withSocket(sock, false);
    }

    @Test
    void motionMovesTheToolAndDaemonRestartReconnects() throws Exception {
        Path sock = dir.resolve("spnav.sock");
        FakeSpacenavd daemon = new FakeSpacenavd(sock, 1);
        PoseSample s = new PoseSample();
        try (SpaceMouseDevice dev = new SpaceMouseDevice("spacemouse", NanoClock.SYSTEM, cfg(sock))) {
            dev.connect();
            dev.activate();
            assertThat(dev.source()).startsWith("spacenavd v1");
            await("handshake", () -> daemon.clientVersion() == 1);
            // spacenavd y is up: full deflection along +y moves the tool up (device z)
            daemon.sendMotion(0, 350, 0, 0, 0, 0);
            await("moving up", () -> dev.readPose(0, s) && s.pz() > 0.01);
            daemon.sendMotion(0, 0, 0, 0, 0, 0);
            Thread.sleep(30);
            dev.readPose(0, s);
            double z = s.pz();
            Thread.sleep(50);
            dev.readPose(0, s);
            assertThat(s.pz()).isEqualTo(z);          // released: the tool stays
            assertThat(s.px()).isEqualTo(0.0);
            assertThat(s.pressed(PoseSample.BUTTON_CLUTCH)).isTrue();
            long seq = s.sequence();
            Thread.sleep(30);
            dev.readPose(0, s);
            assertThat(s.sequence()).isGreaterThan(seq); // publishes while idle: the watchdog sees it alive
            // button 0 toggles the gripper
            daemon.sendButton(0, true);
            daemon.sendButton(0, false);
            await("gripper closed", () -> dev.readPose(0, s) && s.trigger() == 1.0);

            daemon.close(); // daemon stops
            await("fault", () -> dev.state() == DeviceState.FAULT);
            assertThat(dev.faultReason()).contains("SpaceMouse");
            FakeSpacenavd restarted = new FakeSpacenavd(sock, 1);
            try {
                await("reconnected", () -> dev.state() == DeviceState.ACTIVE);
                await("handshake again", () -> restarted.clientVersion() == 1);
                restarted.sendMotion(350, 0, 0, 0, 0, 0);
                await("moving right", () -> dev.readPose(0, s) && s.px() > 0.01);
            } finally {
                restarted.close();
            }
        }
    }

    @Test
    void noDaemonAndNoHidIsAOneLineDeviceException() {
        SpaceMouseDevice dev = new SpaceMouseDevice("sm", NanoClock.SYSTEM,
                SpaceMouseConfig.defaults().withSocket(dir.resolve("none.sock"), true), () -> new FakeHid(null));
        assertThatThrownBy(dev::connect).isInstanceOf(DeviceException.class)
                .hasMessageContaining("no spacenavd at").hasMessageContaining("no 3Dconnexion device")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(dev.state()).isEqualTo(DeviceState.FAULT);
    }

    @Test
    void rawHidIsUsedWithoutDaemonAndUnplugFaults() throws Exception {
        FakeHid hid = new FakeHid(SpaceMouseModel.SPACE_MOUSE_COMPACT);
        PoseSample s = new PoseSample();
        try (SpaceMouseDevice dev = new SpaceMouseDevice("sm", NanoClock.SYSTEM,
                SpaceMouseConfig.defaults().withSocket(dir.resolve("none.sock"), true), () -> hid)) {
            dev.connect();
            assertThat(dev.source()).contains("SpaceMouse Compact");
            // combined report: tx=0 ty=-350 (raw HID y towards the user: negative = push away) ...
            hid.push(new byte[] {1, 0, 0, (byte) 0xa2, (byte) 0xfe, 0, 0, 0, 0, 0, 0, 0, 0});
            await("moving forward", () -> dev.readPose(0, s) && s.py() > 0.01);
            hid.push(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
            hid.push(new byte[] {1, 0}); // malformed: counted
            await("dropped counted", () -> dev.droppedCount() == 1);
            hid.unplug();
            await("fault", () -> dev.state() == DeviceState.FAULT);
        }
    }

    /** A scripted HID transport. */
    static final class FakeHid implements HidTransport {
        private final SpaceMouseModel model;
        private final Deque<byte[]> reports = new ArrayDeque<>();
        private volatile boolean unplugged;

        FakeHid(SpaceMouseModel model) {
            this.model = model;
        }

        synchronized void push(byte[] r) {
            reports.add(r);
        }

        void unplug() {
            unplugged = true;
        }

        @Override
        public SpaceMouseModel open() {
            return unplugged ? null : model;
        }

        @Override
        public int read(byte[] buf, int timeoutMillis) throws IOException {
            if (unplugged) {
                throw new IOException("device unplugged");
            }
            byte[] r;
            synchronized (this) {
                r = reports.poll();
            }
            if (r == null) {
                try {
                    Thread.sleep(timeoutMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 0;
            }
            System.arraycopy(r, 0, buf, 0, r.length);
            return r.length;
        }

        @Override
        public void close() {
        }
    }
}
