package studio.tandem.teleop.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.serial.ByteStream;
import studio.tandem.teleop.serial.SerialOpener;

/** The shared driver skeleton: lifecycle order, hooks, I/O-loop faults and the small shared helpers. */
class HardwareDriverTest {
    private final TestDriver driver = new TestDriver();

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void lifecycleRunsHooksInOrderAndConnectIsIdempotent() throws Exception {
        driver.connect();
        driver.connect();
        assertThat(driver.state()).isEqualTo(DeviceState.CONNECTED);
        assertThat(driver.calls).containsExactly("stopIo(false)", "openIo");
        awaitCycles(driver.loop, 3);
        assertThat(driver.threadName.get()).isEqualTo("io-test");

        driver.activate();
        driver.activate();
        assertThat(driver.state()).isEqualTo(DeviceState.ACTIVE);
        driver.deactivate();
        driver.deactivate();
        assertThat(driver.state()).isEqualTo(DeviceState.CONNECTED);
        driver.close();
        assertThat(driver.state()).isEqualTo(DeviceState.DISCONNECTED);
        assertThat(driver.calls).containsExactly("stopIo(false)", "openIo", "prepareActive", "afterDeactivate",
                "beforeClose", "stopIo(true)");
        assertThat(driver.loop.closed.get()).isEqualTo(1);
        assertThat(driver.loop.running()).isFalse();
    }

    @Test
    void activateNeedsConnectedAndAFailedPreparationStaysConnected() throws Exception {
        assertThatThrownBy(driver::activate).isInstanceOf(DeviceException.class)
                .hasMessage("dev: cannot activate while DISCONNECTED");
        driver.connect();
        driver.failPrepare = true;
        assertThatThrownBy(driver::activate).hasMessage("dev: not ready");
        assertThat(driver.state()).isEqualTo(DeviceState.CONNECTED);
    }

    @Test
    void loopFaultIsKeptOnceClosesTheLinkAndEndsTheThread() throws Exception {
        driver.connect();
        driver.activate();
        driver.loop.failNext = true;
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (driver.loop.closed.get() == 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        assertThat(driver.state()).isEqualTo(DeviceState.FAULT);
        assertThat(driver.faultReason()).isEqualTo("dev: link lost (cable)");
        assertThat(driver.loop.closed.get()).isEqualTo(1);
        assertThat(driver.loop.running()).isFalse();
        driver.loop.fault("second");
        assertThat(driver.faultReason()).isEqualTo("dev: link lost (cable)");
        assertThatThrownBy(driver::activate).hasMessage("dev: cannot activate while FAULT (dev: link lost (cable))");

        driver.connect();
        assertThat(driver.state()).isEqualTo(DeviceState.CONNECTED);
        assertThat(driver.faultReason()).isEmpty();
    }

    @Test
    void aStoppedLoopNoLongerFaults() throws Exception {
        driver.connect();
        TestLoop l = driver.loop;
        driver.close();
        l.fault("late");
        assertThat(driver.state()).isEqualTo(DeviceState.DISCONNECTED);
    }

    @Test
    void publishTargetWritesTheSlot() {
        var slot = new studio.tandem.teleop.sim.SeqLockBuffer(2);
        driver.publishTarget(slot, new double[] {1.5, -2});
        double[] out = new double[2];
        slot.read(out);
        assertThat(out).containsExactly(1.5, -2);
    }

    @Test
    void openAndProbeClosesTheLinkWhenTheProbeFails() {
        List<String> closed = new ArrayList<>();
        SerialOpener opener = (dev, baud) -> new ClosingStream(dev, closed);
        assertThatThrownBy(() -> opener.openAndProbe("hand", "/dev/ttyX", 9600, link -> {
            throw new IOException("timeout");
        })).isInstanceOf(DeviceException.class).hasMessage("hand: serial link /dev/ttyX failed: timeout");
        assertThatThrownBy(() -> opener.openAndProbe("hand", "/dev/ttyY", 9600, link -> {
            throw new DeviceException("hand: motors [3] silent");
        })).hasMessage("hand: motors [3] silent");
        assertThat(closed).containsExactly("/dev/ttyX", "/dev/ttyY");
        SerialOpener missing = (dev, baud) -> {
            throw new IOException("serial port " + dev + ": no such port");
        };
        assertThatThrownBy(() -> missing.openAndProbe("hand", "/dev/ttyZ", 9600, link -> 1))
                .hasMessage("hand: serial port /dev/ttyZ: no such port");
    }

    @Test
    void openAndProbeKeepsTheLinkOnSuccess() throws Exception {
        List<String> closed = new ArrayList<>();
        SerialOpener opener = (dev, baud) -> new ClosingStream(dev, closed);
        ByteStream s = opener.openAndProbe("hand", "/dev/ttyX", 9600, link -> link);
        assertThat(s).isInstanceOf(ClosingStream.class);
        assertThat(closed).isEmpty();
    }

    @Test
    void websocketUrlNamesTheKey() {
        assertThat(new ConfigMap("arm", Map.of("address", "ws://robot:9090")).websocketUrl("url", "address"))
                .hasToString("ws://robot:9090");
        assertThatThrownBy(() -> new ConfigMap("arm", Map.of("url", "http://robot")).websocketUrl("url", "address"))
                .hasMessage("arm.url: must start with ws:// or wss://, was 'http://robot'");
        assertThatThrownBy(() -> new ConfigMap("arm", Map.of("url", "ws://a b")).websocketUrl("url", "address"))
                .hasMessage("arm.url: not a URL: 'ws://a b'");
    }

    @Test
    void parallelGripperSpec() {
        HandSpec s = HandSpec.parallelGripper(0.085, 0.15);
        assertThat(s.kind()).isEqualTo(HandSpec.Kind.PARALLEL_GRIPPER);
        assertThat(s.jointNames()).containsExactly("gap");
        assertThat(s.fingertipNames()).containsExactly("left_pad", "right_pad");
        double[] p = {1};
        s.limits().clampPositions(p);
        assertThat(p[0]).isEqualTo(0.085);
        s.closurePosture(1, p);
        assertThat(p[0]).isZero();
        s.closurePosture(0, p);
        assertThat(p[0]).isEqualTo(0.085);
    }

    private static void awaitCycles(TestLoop l, int n) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (l.cycles.get() < n && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        assertThat(l.cycles.get()).isGreaterThanOrEqualTo(n);
    }

    private static final class TestDriver extends HardwareDriver {
        final List<String> calls = new ArrayList<>();
        final java.util.concurrent.atomic.AtomicReference<String> threadName =
                new java.util.concurrent.atomic.AtomicReference<>();
        volatile TestLoop loop;
        boolean failPrepare;

        TestDriver() {
            super("dev", HardwareDriver.daemonThreads("io-test", Thread.NORM_PRIORITY), FeatureSet.of(),
                    FeatureSet.of());
        }

        @Override
        protected Runnable openIo() {
            calls.add("openIo");
            loop = new TestLoop(life, threadName);
            return loop;
        }

        @Override
        protected void stopIo(boolean closing) {
            calls.add("stopIo(" + closing + ")");
            TestLoop l = loop;
            if (l != null) {
                l.stopThread(true, 1000);
            }
        }

        @Override
        protected void prepareActive() throws DeviceException {
            if (failPrepare) {
                throw new DeviceException("dev: not ready");
            }
            calls.add("prepareActive");
        }

        @Override
        protected void afterDeactivate() {
            calls.add("afterDeactivate");
        }

        @Override
        protected void beforeClose() {
            if (loop != null) {
                calls.add("beforeClose");
            }
        }
    }

    private static final class TestLoop extends IoLoop {
        final AtomicInteger cycles = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicReference<String> threadName;
        volatile boolean failNext;

        TestLoop(DeviceLifecycle life, java.util.concurrent.atomic.AtomicReference<String> threadName) {
            super(life);
            this.threadName = threadName;
        }

        @Override
        protected void body() throws IOException {
            threadName.set(Thread.currentThread().getName());
            runAtRate(500);
        }

        @Override
        protected boolean cycle() throws IOException {
            cycles.incrementAndGet();
            if (failNext) {
                throw new IOException("cable");
            }
            return true;
        }

        @Override
        protected void linkFailed(IOException e) {
            fault("link lost (" + e.getMessage() + ")");
        }

        @Override
        protected void closeLink() {
            closed.incrementAndGet();
        }
    }

    private static final class ClosingStream implements ByteStream {
        private final String name;
        private final List<String> closed;

        ClosingStream(String name, List<String> closed) {
            this.name = name;
            this.closed = closed;
        }

        @Override
        public int read(byte[] buf, int off, int len, long timeoutNanos) {
            return 0;
        }

        @Override
        public void write(byte[] buf, int off, int len) {
        }

        @Override
        public void discardInput() {
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void close() {
            closed.add(name);
        }
    }
}
