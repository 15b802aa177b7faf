package studio.tandem.recorder.ring;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One preallocated camera frame: a direct buffer of packed RGB24 pixels ({@code width*height*3}
 * bytes, rows top to bottom) plus its capture time. Owned by a {@link FrameRing}; the producer fills
 * it between {@link FrameRing#claim()} and {@link FrameRing#publish(long)}, the consumer reads it
 * between {@link FrameRing#poll()} and {@link FrameRing#release()}.
 */
public final class FrameSlot {
    private final ByteBuffer pixels;
    private final int width;
    private final int height;
    long captureNanos;
    long sequence;

    FrameSlot(int width, int height) {
        this.width = width;
        this.height = height;
        this.pixels = ByteBuffer.allocateDirect(width * height * 3).order(ByteOrder.nativeOrder());
    }

    /** The pixel buffer (RGB24, stride {@code width*3}); position and limit are the caller's to use. */
    public ByteBuffer pixels() {
        return pixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Capture time on the process clock (ns); valid once published. */
    public long captureNanos() {
        return captureNanos;
    }

    /** 0-based publication number of this frame on its ring; valid once published. */
    public long sequence() {
        return sequence;
    }
}
