package studio.tandem.teleop.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class LatestFrameTest {

    /** Fills every byte with the frame number's low byte, so a torn copy shows as mixed bytes. */
    private static void paint(CameraFrame f, long n) {
        ByteBuffer b = f.rgb();
        byte v = (byte) n;
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, v);
        }
    }

    private static void assertWhole(CameraFrame f) {
        ByteBuffer b = f.rgb();
        byte v = (byte) f.sequence();
        for (int i = 0; i < b.capacity(); i++) {
            if (b.get(i) != v) {
                throw new AssertionError("torn frame " + f.sequence() + " at byte " + i);
            }
        }
        if (f.stampNanos() != 1000 * f.sequence()) {
            throw new AssertionError("stamp " + f.stampNanos() + " does not belong to frame " + f.sequence());
        }
    }

    @Test
    void readsOnlyNewerFramesWithTheirStamps() {
        LatestFrame slot = new LatestFrame(4, 2);
        CameraFrame out = new CameraFrame(4, 2);
        assertThat(slot.readLatest(out)).isFalse();
        for (long n = 1; n <= 5; n++) {
            paint(slot.beginWrite(), n);
            assertThat(slot.publish(1000 * n)).isEqualTo(n);
        }
        assertThat(slot.readLatest(out)).isTrue();
        assertThat(out.sequence()).isEqualTo(5);
        assertWhole(out);
        assertThat(slot.readLatest(out)).as("nothing newer").isFalse();
        paint(slot.beginWrite(), 6);
        assertThat(slot.readLatest(out)).as("a frame being written is not visible").isFalse();
        slot.publish(6000);
        assertThat(slot.readLatest(out)).isTrue();
        assertWhole(out);
    }

    @Test
    void misuseIsRejected() {
        LatestFrame slot = new LatestFrame(2, 2);
        assertThatThrownBy(() -> slot.publish(1)).isInstanceOf(IllegalStateException.class);
        slot.beginWrite();
        assertThatThrownBy(slot::beginWrite).isInstanceOf(IllegalStateException.class);
        slot.publish(1);
        assertThatThrownBy(() -> slot.readLatest(new CameraFrame(3, 2))).hasMessageContaining("does not match");
    }

    @Test
    void concurrentReadersNeverSeeATornFrame() throws Exception {
        LatestFrame slot = new LatestFrame(64, 48);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            for (long n = 1; !stop.get(); n++) {
                paint(slot.beginWrite(), n);
                slot.publish(1000 * n);
            }
        });
        Thread[] readers = new Thread[2];
        java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
        for (int r = 0; r < readers.length; r++) {
            readers[r] = new Thread(() -> {
                CameraFrame f = new CameraFrame(64, 48);
                long last = 0;
                try {
                    while (!stop.get()) {
                        if (slot.readLatest(f)) {
                            assertWhole(f);
                            if (f.sequence() <= last) {
                                throw new AssertionError("frame " + f.sequence() + " after " + last);
                            }
                            last = f.sequence();
                            reads.incrementAndGet();
                        }
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
        }
        writer.start();
        for (Thread t : readers) {
            t.start();
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (reads.get() < 200 && failure.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        stop.set(true);
        writer.join();
        for (Thread t : readers) {
            t.join();
        }
        System.out.printf("latest frame: %d written, %d read, %d retries%n", slot.sequence(), reads.get(),
                slot.readRetries());
        assertThat(failure.get()).isNull();
        assertThat(reads.get()).isGreaterThanOrEqualTo(200);
        assertThat(slot.sequence()).isGreaterThan(10);
    }

    @Test
    void writingAndReadingAllocateNothing() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        LatestFrame slot = new LatestFrame(32, 24);
        CameraFrame out = new CameraFrame(32, 24);
        for (int i = 0; i < 20_000; i++) { // warm-up (JIT)
            slot.beginWrite();
            slot.publish(i);
            slot.readLatest(out);
        }
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            slot.beginWrite();
            slot.publish(i);
            slot.readLatest(out);
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(allocated).as("bytes allocated by 10k write+read").isLessThan(1024);
    }
}
