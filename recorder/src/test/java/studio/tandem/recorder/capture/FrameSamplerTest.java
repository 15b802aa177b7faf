package studio.tandem.recorder.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import studio.tandem.dataset.lerobot.FeatureStats;

class FrameSamplerTest {

    /** A frame whose every pixel is (v, 255 - v, 0). */
    private static ByteBuffer frame(int w, int h, int v) {
        ByteBuffer b = ByteBuffer.allocateDirect(w * h * 3);
        for (int i = 0; i < w * h; i++) {
            b.put(i * 3, (byte) v).put(i * 3 + 1, (byte) (255 - v)).put(i * 3 + 2, (byte) 0);
        }
        return b;
    }

    @Test
    void statsArePerChannelInUnitRange() {
        FrameSampler s = new FrameSampler(64, 80, 16);
        for (int row = 0; row < 10; row++) {
            s.add(row, frame(64, 80, row < 5 ? 0 : 255));
        }
        FeatureStats st = s.stats(10);
        assertThat(st.shape()).containsExactly(3, 1, 1);
        assertThat(st.min()).containsExactly(0, 0, 0);
        assertThat(st.max()).containsExactly(1, 1, 0);
        assertThat(st.mean()[0]).isEqualTo(0.5, within(1e-9));
        assertThat(st.mean()[1]).isEqualTo(0.5, within(1e-9));
        assertThat(st.count()).isEqualTo(10);
    }

    @Test
    void fullStoreThinsEvenlyAndKeepsMemoryFixed() {
        FrameSampler s = new FrameSampler(64, 80, 4);
        // rows 0..99 carry their own index as red; the store keeps every 32nd after thinning
        for (int row = 0; row < 100; row++) {
            s.add(row, frame(64, 80, row));
        }
        FeatureStats st = s.stats(100);
        // kept rows 0, 32, 64, 96: red spans that range, LeRobot's 100 sample indices map onto them
        assertThat(st.min()[0] * 255).isEqualTo(0, within(1e-6));
        assertThat(st.max()[0] * 255).isEqualTo(96, within(1e-6));
        assertThat(st.count()).isEqualTo(100);
        s.reset();
        assertThat(s.stats(1)).isNull();
    }
}
