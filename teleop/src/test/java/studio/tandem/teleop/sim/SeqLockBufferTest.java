package studio.tandem.teleop.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SeqLockBufferTest {

    @Test
    void readersNeverSeeATornValue() throws Exception {
        SeqLockBuffer buf = new SeqLockBuffer(512);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong torn = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        Thread writer = new Thread(() -> {
            double[] v = new double[512];
            for (long k = 1; !stop.get(); k++) {
                java.util.Arrays.fill(v, k);
                buf.write(v);
            }
        });
        Thread reader = new Thread(() -> {
            double[] v = new double[512];
            double last = 0;
            while (!stop.get()) {
                buf.read(v);
                for (double x : v) {
                    if (x != v[0]) {
                        torn.incrementAndGet();
                        break;
                    }
                }
                if (v[0] < last) {
                    torn.incrementAndGet();
                }
                last = v[0];
                reads.incrementAndGet();
            }
        });
        writer.start();
        reader.start();
        Thread.sleep(300);
        stop.set(true);
        writer.join();
        reader.join();
        assertThat(reads.get()).isPositive();
        assertThat(buf.writes()).isPositive();
        assertThat(torn.get()).isZero();
    }
}
