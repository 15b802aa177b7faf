package studio.tandem.autonomy.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickRingTest {
    private final TickRing ring = new TickRing(LoopFixtures.LAYOUT, 8);

    private void publish(long seq) {
        TickData d = ring.begin(seq);
        d.nanos = seq * 10;
        d.executed[0] = seq;
        ring.publish(seq);
    }

    @Test
    void aSlowReaderLosesTicksAndTheCursorCountsThem() {
        TickData scratch = new TickData(LoopFixtures.LAYOUT);
        TickRing.Cursor cursor = new TickRing.Cursor(0);
        List<Long> seen = new ArrayList<>();
        for (long s = 0; s < 3; s++) {
            publish(s);
        }
        assertThat(ring.drain(cursor, scratch, t -> seen.add(t.sequence()))).isEqualTo(3);
        for (long s = 3; s < 20; s++) {
            publish(s);
        }
        ring.drain(cursor, scratch, t -> seen.add((long) t.executed()[0]));
        assertThat(seen).containsExactly(0L, 1L, 2L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L);
        assertThat(cursor.lost()).isEqualTo(9);
        assertThat(ring.read(5, scratch)).isFalse();
        assertThat(ring.latest().sequence()).isEqualTo(19);
        assertThat(ring.latest().nanos()).isEqualTo(190);
    }

    @Test
    void capacityMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> new TickRing(LoopFixtures.LAYOUT, 6)).hasMessageContaining("power of two");
        assertThat(new TickRing(LoopFixtures.LAYOUT, 4).latest()).isNull();
    }
}
