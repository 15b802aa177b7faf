package studio.tandem.recorder.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorRingTest {

    private static final class Collect implements VectorRing.SampleHandler {
        final List<Long> times = new ArrayList<>();
        final List<double[]> values = new ArrayList<>();

        @Override
        public void onSample(long t, double[] v, int off, int width) {
            times.add(t);
            double[] copy = new double[width];
            System.arraycopy(v, off, copy, 0, width);
            values.add(copy);
        }
    }

    @Test
    void capacityIsRoundedToPowerOfTwo() {
        assertThat(new VectorRing(3, 5).capacity()).isEqualTo(8);
        assertThat(new VectorRing(3, 8).capacity()).isEqualTo(8);
        assertThatThrownBy(() -> new VectorRing(0, 8)).hasMessageContaining("width");
    }

    @Test
    void fullRingCountsOverflowAndKeepsOldestSamples() {
        VectorRing ring = new VectorRing(2, 4);
        for (int i = 0; i < 6; i++) {
            boolean ok = ring.offer(i * 10L, new double[] {i, -i});
            assertThat(ok).isEqualTo(i < 4);
        }
        assertThat(ring.overflowCount()).isEqualTo(2);
        Collect c = new Collect();
        assertThat(ring.drain(c, 100)).isEqualTo(4);
        assertThat(c.times).containsExactly(0L, 10L, 20L, 30L);
        assertThat(c.values.get(3)).containsExactly(3.0, -3.0);
        // space is free again after draining
        assertThat(ring.offer(99, new double[] {7, 8})).isTrue();
        assertThat(ring.overflowCount()).isEqualTo(2);
    }

    @Test
    void drainRespectsLimitAndWrapsAround() {
        VectorRing ring = new VectorRing(1, 4);
        Collect c = new Collect();
        long next = 0;
        for (int round = 0; round < 10; round++) {
            for (int k = 0; k < 3; k++) {
                assertThat(ring.offer(next, new double[] {next})).isTrue();
                next++;
            }
            assertThat(ring.drain(c, 2)).isEqualTo(2);
            assertThat(ring.drain(c, 10)).isEqualTo(1);
        }
        assertThat(c.times).hasSize(30);
        for (int i = 0; i < 30; i++) {
            assertThat(c.times.get(i)).isEqualTo(i);
            assertThat(c.values.get(i)[0]).isEqualTo(i);
        }
    }

    @Test
    void concurrentProducerAndConsumerLoseNothingButOverflows() throws Exception {
        VectorRing ring = new VectorRing(2, 64);
        int total = 200_000;
        Thread producer = new Thread(() -> {
            double[] v = new double[2];
            for (int i = 0; i < total; i++) {
                v[0] = i;
                v[1] = 2.0 * i;
                ring.offer(i, v);
            }
        });
        long[] last = {-1};
        long[] got = {0};
        boolean[] ordered = {true};
        VectorRing.SampleHandler h = (t, v, off, w) -> {
            if (t <= last[0] || v[off] != t || v[off + 1] != 2.0 * t) {
                ordered[0] = false;
            }
            last[0] = t;
            got[0]++;
        };
        producer.start();
        while (producer.isAlive() || ring.size() > 0) {
            ring.drain(h, 32);
        }
        producer.join();
        ring.drain(h, Integer.MAX_VALUE);
        assertThat(ordered[0]).isTrue();
        assertThat(got[0] + ring.overflowCount()).isEqualTo(total);
        assertThat(ring.publishedCount()).isEqualTo(got[0]);
    }
}
