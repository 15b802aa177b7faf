package studio.tandem.recorder.capture;

import java.nio.ByteBuffer;
import studio.tandem.dataset.lerobot.FeatureStats;
import studio.tandem.dataset.lerobot.ImageStatsSampler;

/**
 * Keeps downsampled copies of an episode's rows while it is encoded, so the image statistics LeRobot
 * stores for a video feature can be computed at save time without decoding. Rows are kept at a
 * stride that doubles whenever the preallocated store fills (every other kept row is then dropped),
 * so memory is fixed; at the end, LeRobot's sample indices are mapped to the nearest kept row (exact
 * while the episode has no more rows than the store holds). Frames are downsampled to at most
 * {@value #SIDE} pixels on the larger side, coarser than LeRobot's 150: the per-channel statistics
 * stay a fair estimate, and computing them (quantiles over every kept pixel) takes milliseconds
 * instead of the half second 150 px costs per camera at save time. One encoder thread;
 * allocation-free per row.
 */
public final class FrameSampler {
    /** Largest side of a kept frame (px). */
    public static final int SIDE = 48;
    private final int width;
    private final int height;
    private final int stride;
    private final int w;
    private final int h;
    private final byte[][] store;
    private final int[] rowOf;
    private final ByteBuffer view;
    private int kept;
    private int every = 1;

    /** @param capacity downsampled rows kept at most */
    public FrameSampler(int width, int height, int capacity) {
        this.width = width;
        this.height = height;
        this.stride = Math.max(1, (Math.max(width, height) + SIDE - 1) / SIDE);
        this.w = (width + stride - 1) / stride;
        this.h = (height + stride - 1) / stride;
        this.store = new byte[capacity][w * h * 3];
        this.rowOf = new int[capacity];
        this.view = ByteBuffer.allocate(w * h * 3);
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
        byte[] dst = store[kept];
        int k = 0;
        for (int y = 0; y < height; y += stride) {
            int rowStart = y * width * 3;
            for (int x = 0; x < width; x += stride) {
                int p = rowStart + x * 3;
                dst[k++] = rgb.get(p);
                dst[k++] = rgb.get(p + 1);
                dst[k++] = rgb.get(p + 2);
            }
        }
        rowOf[kept++] = row;
    }

    private void thin() {
        every *= 2;
        int n = 0;
        for (int i = 0; i < kept; i++) {
            if (rowOf[i] % every == 0) {
                byte[] t = store[n];
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
        ImageStatsSampler s = new ImageStatsSampler();
        int j = 0;
        for (int idx : ImageStatsSampler.sampleIndices(rows)) {
            while (j + 1 < kept && Math.abs(rowOf[j + 1] - idx) <= Math.abs(rowOf[j] - idx)) {
                j++;
            }
            view.clear();
            view.put(store[j]).flip();
            s.add(view, w, h);
        }
        return s.result();
    }
}
