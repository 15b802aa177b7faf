package studio.tandem.recorder.capture;

import java.nio.ByteBuffer;
import java.util.Arrays;
import studio.tandem.dataset.lerobot.FeatureStats;
import studio.tandem.dataset.lerobot.ImageStatsSampler;

/**
 * Computes an episode's LeRobot image statistics incrementally while it is encoded, so nothing is
 * left to do at stop but a sum. For kept rows it stores per-channel value counts (256 per channel) of
 * the frame downsampled by LeRobot's own rule (150 px, {@link ImageStatsSampler#stride}), not pixels.
 * Rows are kept at a stride that doubles whenever the preallocated store fills (every other kept row
 * is then dropped), so memory is fixed ({@code capacity × 3 KB}); at the end, LeRobot's sample
 * indices are mapped to the nearest kept row (exact while the episode has no more rows than the
 * store holds) and their counts summed. Statistics from counts equal LeRobot's over the pixels
 * (min/max/mean/std, and quantiles from its 5000-bin histogram). One encoder thread; allocation-free
 * per row.
 */
public final class FrameSampler {
    private static final int LEVELS = 256;
    private final int width;
    private final int height;
    private final int[][] store;
    private final int[] rowOf;
    private final long[][] sum = new long[3][LEVELS];
    private int kept;
    private int every = 1;

    /** @param capacity rows kept at most */
    public FrameSampler(int width, int height, int capacity) {
        this.width = width;
        this.height = height;
        this.store = new int[capacity][3 * LEVELS];
        this.rowOf = new int[capacity];
    }

    /** Forgets the previous episode. */
    public void reset() {
        kept = 0;
        every = 1;
    }

    /** Offers row {@code row} (RGB24 from index 0 of {@code rgb}); rows must come in order. */
    public void add(int row, ByteBuffer rgb) {
        if (row % every != 0) {
            return;
        }
        if (kept == store.length) {
            thin();
            if (row % every != 0) {
                return;
            }
        }
        int[] c = store[kept];
        Arrays.fill(c, 0);
        countPixels(rgb, c);
        rowOf[kept++] = row;
    }

    private void countPixels(ByteBuffer rgb, int[] c) {
        int stride = ImageStatsSampler.stride(width, height);
        for (int y = 0; y < height; y += stride) {
            int start = y * width * 3;
            for (int x = 0; x < width; x += stride) {
                int p = start + x * 3;
                c[rgb.get(p) & 0xff]++;
                c[LEVELS + (rgb.get(p + 1) & 0xff)]++;
                c[2 * LEVELS + (rgb.get(p + 2) & 0xff)]++;
            }
        }
    }

    private void thin() {
        every *= 2;
        int n = 0;
        for (int i = 0; i < kept; i++) {
            if (rowOf[i] % every == 0) {
                int[] t = store[n];
                store[n] = store[i];
                store[i] = t;
                rowOf[n++] = rowOf[i];
            }
        }
        kept = n;
    }

    /** LeRobot-style image stats over {@code rows} rows, or null when no row was kept. */
    public FeatureStats stats(int rows) {
        if (kept == 0 || rows < 1) {
            return null;
        }
        for (long[] s : sum) {
            Arrays.fill(s, 0);
        }
        int j = 0;
        int samples = 0;
        for (int idx : ImageStatsSampler.sampleIndices(rows)) {
            while (j + 1 < kept && Math.abs(rowOf[j + 1] - idx) <= Math.abs(rowOf[j] - idx)) {
                j++;
            }
            int[] c = store[j];
            for (int v = 0; v < LEVELS; v++) {
                sum[0][v] += c[v];
                sum[1][v] += c[LEVELS + v];
                sum[2][v] += c[2 * LEVELS + v];
            }
            samples++;
        }
        return ImageStatsSampler.fromCounts(sum, samples);
    }
}
