package studio.tandem.recorder.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameRingTest {

    @Test
    void slotsArePreallocatedDirectRgbBuffers() {
        FrameRing ring = new FrameRing(8, 4, 3);
        assertThat(ring.capacity()).isEqualTo(4);
        FrameSlot s = ring.claim();
        assertThat(s.pixels().isDirect()).isTrue();
        assertThat(s.pixels().capacity()).isEqualTo(8 * 4 * 3);
    }

    @Test
    void fullRingDropsAndCounts() {
        FrameRing ring = new FrameRing(2, 2, 4);
        for (int i = 0; i < 4; i++) {
            FrameSlot s = ring.claim();
            assertThat(s).isNotNull();
            s.pixels().put(0, (byte) i);
            ring.publish(100 + i);
        }
        assertThat(ring.claim()).isNull();
        assertThat(ring.claim()).isNull();
        assertThat(ring.dropCount()).isEqualTo(2);
        assertThatThrownBy(() -> ring.publish(5)).isInstanceOf(IllegalStateException.class);

        FrameSlot a = ring.poll();
        FrameSlot b = ring.poll();
        assertThat(a.captureNanos()).isEqualTo(100);
        assertThat(a.pixels().get(0)).isEqualTo((byte) 0);
        assertThat(b.sequence()).isEqualTo(1);
        assertThat(ring.held()).isEqualTo(2);
        // polled but unreleased slots stay owned by the consumer
        assertThat(ring.claim()).isNull();
        ring.release();
        assertThat(ring.claim()).isNotNull();
        ring.publish(200);
        assertThat(ring.dropCount()).isEqualTo(3);
    }

    @Test
    void peekDoesNotConsumeAndReleaseNeedsAPoll() {
        FrameRing ring = new FrameRing(2, 2, 4);
        assertThat(ring.peek()).isNull();
        ring.claim();
        ring.publish(7);
        assertThat(ring.peek().captureNanos()).isEqualTo(7);
        assertThat(ring.poll().captureNanos()).isEqualTo(7);
        assertThat(ring.poll()).isNull();
        ring.release();
        assertThatThrownBy(ring::release).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void concurrentHandOffKeepsOrderAndCountsEveryFrame() throws Exception {
        FrameRing ring = new FrameRing(4, 4, 8);
        int total = 50_000;
        Thread producer = new Thread(() -> {
            for (int i = 0; i < total; i++) {
                FrameSlot s = ring.claim();
                if (s != null) {
                    s.pixels().putInt(0, i);
                    ring.publish(i);
                }
            }
        });
        producer.start();
        long got = 0;
        long last = -1;
        boolean ok = true;
        while (producer.isAlive() || ring.peek() != null) {
            FrameSlot s = ring.poll();
            if (s == null) {
                continue;
            }
            ok &= s.captureNanos() > last && s.pixels().getInt(0) == (int) s.captureNanos();
            last = s.captureNanos();
            got++;
            ring.release();
        }
        producer.join();
        assertThat(ok).isTrue();
        assertThat(got + ring.dropCount()).isEqualTo(total);
    }
}
