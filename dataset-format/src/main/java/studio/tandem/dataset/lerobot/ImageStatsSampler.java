package studio.tandem.dataset.lerobot;

import java.nio.ByteBuffer;

/**
 * Per-channel image statistics as LeRobot computes them for a video feature: frames sampled at
 * LeRobot's indices ({@link #sampleIndices}), each downsampled by LeRobot's rule (stride
 * {@code int(max(w,h) / 150)} when the larger side is ≥ 300), pixel values / 255, stats of shape
 * {@code (3, 1, 1)} with count = number of sampled frames. The recorder feeds the sampled frames
 * while encoding (no decoding afterwards). One instance per camera thread; {@link #add} allocates
 * nothing once the buffer has grown for the first frame size.
 */
public final class ImageStatsSampler {
    private final QuantileStats stats = new QuantileStats();
    private double[] pixels = new double[0];
    private int values;
    private int frames;

    /** LeRobot's {@code sample_indices}: ~{@code n^0.75} frames (100 at most 500 frames), evenly spread. */
    public static int[] sampleIndices(int frameCount) {
        int min = Math.min(100, frameCount);
        int num = Math.max(min, Math.min((int) Math.pow(frameCount, 0.75), 10_000));
        int[] out = new int[num];
        for (int i = 0; i < num; i++) {
            double x = num == 1 ? 0 : (double) i * (frameCount - 1) / (num - 1);
            out[i] = (int) Math.rint(x);
        }
        return out;
    }

    /** LeRobot's downsampling stride for a frame: {@code int(max(w,h) / 150)} when the larger side is ≥ 300. */
    public static int stride(int width, int height) {
        return Math.max(width, height) < 300 ? 1 : Math.max(width, height) / 150;
    }

    /**
     * The stats {@link #result()} gives, from the summed per-channel counts of the sampled frames
     * (each {@code long[256]}: how many sampled pixels have each value),
     * frames downsampled by {@link #stride}.
     *
     * @param frames number of sampled frames (the stored count)
     */
    public static FeatureStats fromCounts(long[][] counts, int frames) {
        FeatureStats s = new QuantileStats().fromCounts(counts, new int[] {3, 1, 1}, frames);
        return scaled(s);
    }

    /** Adds one RGB24 frame ({@code width*height*3} bytes from {@code rgb}'s position). */
    public void add(ByteBuffer rgb, int width, int height) {
        int stride = stride(width, height);
        int w = (width + stride - 1) / stride;
        int h = (height + stride - 1) / stride;
        ensure(values + w * h * 3);
        int base = rgb.position();
        for (int y = 0; y < height; y += stride) {
            for (int x = 0; x < width; x += stride) {
                int p = base + (y * width + x) * 3;
                pixels[values++] = rgb.get(p) & 0xff;
                pixels[values++] = rgb.get(p + 1) & 0xff;
                pixels[values++] = rgb.get(p + 2) & 0xff;
            }
        }
        frames++;
    }

    private void ensure(int n) {
        if (n > pixels.length) {
            pixels = java.util.Arrays.copyOf(pixels, Math.max(n, pixels.length * 2));
        }
    }

    public int frames() {
        return frames;
    }

    /** Stats of the frames added so far, in [0, 1], shape (3, 1, 1). */
    public FeatureStats result() {
        if (frames == 0) {
            throw new IllegalStateException("no frames were sampled");
        }
        double[] px = pixels;
        return scaled(stats.compute(i -> px[i], values / 3, 3, new int[] {3, 1, 1}, false, frames));
    }

    private static FeatureStats scaled(FeatureStats s) {
        double[][] q = new double[s.quantiles().length][];
        for (int k = 0; k < q.length; k++) {
            q[k] = scale(s.quantiles()[k]);
        }
        return new FeatureStats(s.shape(), false, scale(s.min()), scale(s.max()), scale(s.mean()), scale(s.std()),
                s.count(), q);
    }

    private static double[] scale(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / 255.0;
        }
        return out;
    }

    /** Forgets the frames (for the next episode). */
    public void reset() {
        values = 0;
        frames = 0;
    }
}
