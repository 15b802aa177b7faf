package studio.tandem.dataset.lerobot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageStatsCountsTest {

    @Test
    void statsFromValueCountsEqualStatsOverThePixels() {
        int w = 320;
        int h = 240;
        Random rnd = new Random(5);
        ImageStatsSampler pixels = new ImageStatsSampler();
        long[][] counts = new long[3][256];
        ByteBuffer f = ByteBuffer.allocate(w * h * 3);
        for (int frame = 0; frame < 7; frame++) {
            for (int i = 0; i < w * h * 3; i++) {
                // skewed, channel-dependent content so quantiles are not trivial
                int v = (int) Math.min(255, Math.abs(rnd.nextGaussian() * (30 + 20 * (i % 3)) + 40 * frame));
                f.put(i, (byte) v);
            }
            pixels.add(f, w, h);
            int s = ImageStatsSampler.stride(w, h);
            for (int y = 0; y < h; y += s) {
                for (int x = 0; x < w; x += s) {
                    for (int c = 0; c < 3; c++) {
                        counts[c][f.get((y * w + x) * 3 + c) & 0xff]++;
                    }
                }
            }
        }
        FeatureStats a = pixels.result();
        FeatureStats b = ImageStatsSampler.fromCounts(counts, 7);
        assertThat(b.count()).isEqualTo(7);
        assertThat(b.shape()).containsExactly(3, 1, 1);
        for (int c = 0; c < 3; c++) {
            assertThat(b.min()[c]).isEqualTo(a.min()[c]);
            assertThat(b.max()[c]).isEqualTo(a.max()[c]);
            assertThat(b.mean()[c]).isEqualTo(a.mean()[c], within(1e-9));
            assertThat(b.std()[c]).isEqualTo(a.std()[c], within(1e-9));
            for (int k = 0; k < a.quantiles().length; k++) {
                assertThat(b.quantiles()[k][c]).as("q" + k + " channel " + c).isEqualTo(a.quantiles()[k][c],
                        within(1e-9));
            }
        }
        assertThat(b.std()[2]).isGreaterThan(b.std()[0]);
    }
}
