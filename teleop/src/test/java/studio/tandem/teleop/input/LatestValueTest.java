package studio.tandem.teleop.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class LatestValueTest {

    @Test
    void readersNeverSeeATornSample() throws Exception {
        LatestValue<PoseSample> slot = new LatestValue<>(PoseSample::new);
        PoseSample dst = new PoseSample();
        assertThat(slot.read(dst)).isFalse();
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            PoseSample s = new PoseSample();
            for (long i = 1; !stop.get(); i++) {
                double v = i;
                s.set(i, v, v, v, v, v, v, v).setInputs(i, v, v, true);
                slot.publish(s);
            }
        });
        writer.start();
        long reads = 0;
        long lastSeq = 0;
        long deadline = System.nanoTime() + 300_000_000L;
        try {
            while (System.nanoTime() < deadline) {
                if (!slot.read(dst)) {
                    continue;
                }
                reads++;
                double v = dst.px();
                assertThat(dst.py()).isEqualTo(v);
                assertThat(dst.qw()).isEqualTo(v);
                assertThat(dst.squeeze()).isEqualTo(v);
                assertThat(dst.buttons()).isEqualTo((long) v);
                assertThat(dst.captureNanos()).isEqualTo((long) v);
                assertThat(dst.sequence()).isEqualTo((long) v); // sequence assigned by the slot
                assertThat(dst.sequence()).isGreaterThanOrEqualTo(lastSeq); // never goes back
                lastSeq = dst.sequence();
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(reads).isGreaterThan(100);
        assertThat(slot.publishedCount()).isGreaterThanOrEqualTo(lastSeq);
    }

    @Test
    void twistIntegratorMovesInTheBaseFrame() {
        TwistIntegrator t = new TwistIntegrator();
        t.integrate(0, 0, 0, 0, 0, Math.PI / 2, 1.0); // yaw 90°
        t.integrate(1, 0, 0, 0, 0, 0, 0.5);           // then move along base x
        PoseSample s = new PoseSample();
        t.writeTo(s, 42);
        assertThat(s.px()).isEqualTo(0.5);
        assertThat(s.py()).isEqualTo(0.0);
        assertThat(s.captureNanos()).isEqualTo(42);
        assertThat(Math.abs(s.qw())).isCloseTo(Math.cos(Math.PI / 4), org.assertj.core.api.Assertions.within(1e-12));
    }
}
