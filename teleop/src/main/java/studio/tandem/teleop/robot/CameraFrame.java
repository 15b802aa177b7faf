package studio.tandem.teleop.robot;

import java.nio.ByteBuffer;

/**
 * One RGB frame (8 bits per channel, rows top to bottom, tightly packed: {@code width * 3} bytes per row)
 * in a preallocated direct buffer, with its capture stamp (station clock, ns) and sequence number.
 * Mutable; owned by one thread.
 */
public final class CameraFrame {
    private final int width;
    private final int height;
    private final ByteBuffer rgb;
    private long stampNanos;
    private long sequence;

    public CameraFrame(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("camera frame: bad size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.rgb = ByteBuffer.allocateDirect(width * height * 3);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Pixel data, position 0, limit {@code width*height*3}. */
    public ByteBuffer rgb() {
        return rgb;
    }

    public long stampNanos() {
        return stampNanos;
    }

    /** Increments with every captured frame; 0 before the first. */
    public long sequence() {
        return sequence;
    }

    public void stamp(long nanos, long seq) {
        stampNanos = nanos;
        sequence = seq;
    }

    /** Copies pixels and stamps from a frame of the same size. Allocation-free; positions untouched. */
    public void copyFrom(CameraFrame o) {
        if (o.width != width || o.height != height) {
            throw new IllegalArgumentException("camera frame: size " + o.width + "x" + o.height
                    + " does not match " + width + "x" + height);
        }
        rgb.put(0, o.rgb, 0, rgb.capacity());
        stampNanos = o.stampNanos;
        sequence = o.sequence;
    }
}
