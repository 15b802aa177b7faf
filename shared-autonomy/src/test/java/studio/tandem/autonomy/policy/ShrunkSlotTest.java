package studio.tandem.autonomy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ShrunkSlotTest {

    private static void write(ShrunkSlot slot, long k) {
        ShrunkFrame f = slot.beginWrite();
        java.util.Arrays.fill(f.sums(), k);
        f.stamp(1, k * 10, k);
        slot.publish();
    }

    @Test
    void aReaderGetsTheNewestFrameAndCountsTheFramesItAlreadyHeld() {
        ShrunkSlot slot = new ShrunkSlot(4, 2);
        ShrunkFrame into = new ShrunkFrame(4, 2);
        assertThat(slot.read(into)).isFalse();
        write(slot, 1);
        write(slot, 2);
        assertThat(slot.read(into)).isTrue();
        assertThat(into.sequence()).isEqualTo(2);
        assertThat(into.stampNanos()).isEqualTo(20);
        assertThat(into.sums()).containsOnly(2f);
        assertThat(slot.read(into)).isTrue();
        assertThat(slot.reused()).isEqualTo(1);
        assertThat(slot.published()).isEqualTo(2);
        assertThatThrownBy(slot::publish).hasMessageContaining("publish without beginWrite");
        slot.beginWrite();
        assertThatThrownBy(slot::beginWrite).hasMessageContaining("beginWrite twice");
    }

    @Test
    void aReaderNeverSeesAFrameHalfWrittenWhileTheWriterRunsFlatOut() throws Exception {
        ShrunkSlot slot = new ShrunkSlot(16, 16);
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            for (long k = 1; !stop.get(); k++) {
                write(slot, k % 1_000_000);
            }
        });
        writer.start();
        ShrunkFrame into = new ShrunkFrame(16, 16);
        long torn = 0;
        long reads = 0;
        long deadline = System.nanoTime() + 300_000_000L;
        try {
            while (System.nanoTime() < deadline) {
                if (slot.read(into)) {
                    reads++;
                    float first = into.sums()[0];
                    for (float v : into.sums()) {
                        torn += v == first ? 0 : 1;
                    }
                    torn += into.sequence() % 1_000_000 == (long) first ? 0 : 1;
                }
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(reads).isPositive();
        assertThat(torn).as("values from two different frames in one read").isZero();
    }
}
