package studio.tandem.teleop.spacemouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpnavClientTest {
    @TempDir
    Path dir;

    private final List<String> events = new ArrayList<>();
    private final SpaceMouseListener listener = new SpaceMouseListener() {
        @Override
        public void onMotion(int tx, int ty, int tz, int rx, int ry, int rz) {
            events.add("motion " + tx + " " + ty + " " + tz + " " + rx + " " + ry + " " + rz);
        }

        @Override
        public void onButton(int index, boolean pressed) {
            events.add((pressed ? "press " : "release ") + index);
        }
    };

    private void pollUntil(SpnavClient c, BooleanSupplier done) throws IOException {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out; events so far %s", events).isLessThan(deadline);
            c.poll(5);
        }
    }

    @Test
    void v1HandshakeThenEventsAndDeviceInfo() throws Exception {
        Path sock = dir.resolve("spnav.sock");
        try (FakeSpacenavd daemon = new FakeSpacenavd(sock, 1); SpnavClient c = new SpnavClient(sock, listener)) {
            assertThat(c.connect(2000)).isEqualTo(1);
            assertThat(daemon.handshakeWord()).isEqualTo(0x7faa5501);
            pollUntil(c, () -> !c.deviceName().isEmpty() && c.usbProduct() != 0);
            assertThat(c.deviceName()).isEqualTo(FakeSpacenavd.NAME);
            assertThat(c.usbVendor()).isEqualTo(0x046d);
            assertThat(c.usbProduct()).isEqualTo(0xc626);
            assertThat(daemon.requests()).contains(SpnavProtocol.REQ_SET_EVMASK, SpnavProtocol.REQ_DEV_NAME);
            daemon.sendMotion(10, -20, 30, -40, 50, -60);
            daemon.sendButton(1, true);
            daemon.sendButton(1, false);
            pollUntil(c, () -> events.size() >= 3);
            assertThat(events).containsExactly("motion 10 -20 30 -40 50 -60", "press 1", "release 1");
            assertThat(c.unknownPackets()).isZero();
        }
    }

    @Test
    void silentV0DaemonFallsBackToTheEventStream() throws Exception {
        Path sock = dir.resolve("spnav0.sock");
        try (FakeSpacenavd daemon = new FakeSpacenavd(sock, 0); SpnavClient c = new SpnavClient(sock, listener)) {
            long t0 = System.nanoTime();
            assertThat(c.connect(100)).isZero();
            assertThat((System.nanoTime() - t0) / 1e6).isGreaterThanOrEqualTo(90);
            assertThat(daemon.handshakeWord()).isEqualTo(0x7faa5501); // the v0 daemon got (and ignored) it
            daemon.sendMotion(1, 2, 3, 4, 5, 6);
            daemon.sendButton(0, true);
            pollUntil(c, () -> events.size() >= 2);
            assertThat(events).containsExactly("motion 1 2 3 4 5 6", "press 0");
            assertThat(c.deviceName()).isEmpty();
        }
    }

    @Test
    void noDaemonIsAnIOException() {
        SpnavClient c = new SpnavClient(dir.resolve("absent.sock"), listener);
        assertThatThrownBy(() -> c.connect(100)).isInstanceOf(IOException.class);
    }

    @Test
    void daemonGoingAwayIsReported() throws Exception {
        Path sock = dir.resolve("gone.sock");
        FakeSpacenavd daemon = new FakeSpacenavd(sock, 1);
        try (SpnavClient c = new SpnavClient(sock, listener)) {
            c.connect(2000);
            daemon.close();
            assertThatThrownBy(() -> {
                for (int i = 0; i < 400; i++) {
                    c.poll(5);
                }
            }).isInstanceOf(IOException.class).hasMessageContaining("closed");
        }
    }
}
