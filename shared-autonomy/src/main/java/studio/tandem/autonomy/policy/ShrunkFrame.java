package studio.tandem.autonomy.policy;

/**
 * A camera frame shrunk to the size a policy's camera input declares, before normalisation: for every
 * output pixel and channel the sum of the {@link #taps()} source pixels the area filter averaged
 * ({@link FrameShrinker}), planar ({@code sums[(c * height + y) * width + x]}, c = R, G, B). Keeping
 * sums rather than rounded bytes lets the runtime normalise exactly as it would from the full frame;
 * they are held as floats (whole numbers up to 9 × 255, exact) so normalising is one vectorisable
 * multiply-subtract per value.
 * Mutable and reused; owned by one thread (a {@link ShrunkSlot} hands copies between threads).
 */
public final class ShrunkFrame {
    private final int width;
    private final int height;
    private final float[] sums;
    private int taps;
    private long stampNanos;
    private long sequence;

    public ShrunkFrame(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("shrunk frame: bad size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.sums = new float[3 * width * height];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The channel sums (whole numbers, exact in float), planar R, G, B; {@code 3 × height × width} values. */
    public float[] sums() {
        return sums;
    }

    /** Source pixels summed per output pixel (0 before the first frame). */
    public int taps() {
        return taps;
    }

    /** Mean value (0..255) of channel {@code c} at output pixel (x, y). */
    public double average(int c, int x, int y) {
        return (double) sums[(c * height + y) * width + x] / taps;
    }

    /** Capture time of the source frame (process clock, ns). */
    public long stampNanos() {
        return stampNanos;
    }

    /** The source frame's sequence number (increasing per camera); 0 before the first. */
    public long sequence() {
        return sequence;
    }

    /** Sets the header after the sums were written. */
    void stamp(int tapCount, long stamp, long seq) {
        taps = tapCount;
        stampNanos = stamp;
        sequence = seq;
    }

    /** Marks the frame as holding no image (after a copy that was overtaken and is being repeated). */
    void invalidate() {
        taps = 0;
        sequence = 0;
        stampNanos = 0;
    }

    /** Copies sums and header from a frame of the same size. Allocation-free. */
    public void copyFrom(ShrunkFrame o) {
        if (o.width != width || o.height != height) {
            throw new IllegalArgumentException("shrunk frame: size " + o.width + "x" + o.height
                    + " does not match " + width + "x" + height);
        }
        System.arraycopy(o.sums, 0, sums, 0, sums.length);
        taps = o.taps;
        stampNanos = o.stampNanos;
        sequence = o.sequence;
    }
}
