package studio.tandem.autonomy.policy;

/**
 * A camera frame as the policy reads it: 8-bit RGB, interleaved, row-major, top-left origin.
 * Mutable and reused: a camera's latest-value slot hands out a copy the policy thread owns.
 */
public final class ImageFrame {
    private int width;
    private int height;
    private byte[] rgb;
    private long stampNanos;

    public ImageFrame(int width, int height) {
        resize(width, height);
    }

    /** Reallocates the pixel buffer only when the resolution changes. */
    public void resize(int w, int h) {
        if (w < 1 || h < 1) {
            throw new IllegalArgumentException("image frame: bad size " + w + "x" + h);
        }
        if (rgb == null || rgb.length != w * h * 3) {
            rgb = new byte[w * h * 3];
        }
        width = w;
        height = h;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixels, {@code (y * width + x) * 3 + channel}. */
    public byte[] rgb() {
        return rgb;
    }

    /** Capture time (process clock). */
    public long stampNanos() {
        return stampNanos;
    }

    public void stampNanos(long nanos) {
        stampNanos = nanos;
    }

    public void set(int x, int y, int r, int g, int b) {
        int i = (y * width + x) * 3;
        rgb[i] = (byte) r;
        rgb[i + 1] = (byte) g;
        rgb[i + 2] = (byte) b;
    }
}
