package studio.tandem.app.studio.common;

import java.nio.ByteBuffer;

/**
 * Latest-frame hand-off from one producer thread (a decoder or camera) to the FX thread, in
 * premultiplied BGRA (JavaFX's {@code PixelFormat.getByteBgraPreInstance()}), over two
 * preallocated direct buffers. The producer fills {@link #back()} and calls {@link #publish()};
 * the FX thread copies the newest frame with {@link #copyIfNewer}. A frame overwritten before the
 * FX thread saw it is counted in {@link #skipped()}, never lost silently. Allocates nothing after
 * construction.
 */
public final class FrameSlot {
    private final int width;
    private final int height;
    private ByteBuffer back;
    private ByteBuffer ready;
    private long published;
    private long taken;
    private long skipped;

    public FrameSlot(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("frame size must be positive, was " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.back = ByteBuffer.allocateDirect(width * height * 4);
        this.ready = ByteBuffer.allocateDirect(width * height * 4);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The buffer the producer writes next (BGRA, {@code width*height*4} bytes). Producer thread. */
    public ByteBuffer back() {
        return back;
    }

    /** Makes the back buffer the newest frame. Producer thread. */
    public synchronized void publish() {
        ByteBuffer t = ready;
        ready = back;
        back = t;
        if (published > taken) {
            skipped++;
        }
        published++;
    }

    /**
     * Copies the newest frame into {@code dst} (from index 0) if it is newer than {@code seenSeq}.
     *
     * @return the sequence number of the frame now in {@code dst} (unchanged if nothing newer)
     */
    public synchronized long copyIfNewer(long seenSeq, ByteBuffer dst) {
        if (published == seenSeq || published == 0) {
            return seenSeq;
        }
        dst.put(0, ready, 0, width * height * 4);
        taken = published;
        return published;
    }

    /** Frames published so far. */
    public synchronized long published() {
        return published;
    }

    /** Frames replaced by a newer one before the FX thread copied them. */
    public synchronized long skipped() {
        return skipped;
    }

    /** Converts {@code pixels} RGB24 pixels from {@code rgb} into opaque BGRA in {@code bgra}. */
    public static void rgbToBgra(ByteBuffer rgb, ByteBuffer bgra, int pixels) {
        for (int i = 0, s = 0, d = 0; i < pixels; i++, s += 3, d += 4) {
            bgra.put(d, rgb.get(s + 2));
            bgra.put(d + 1, rgb.get(s + 1));
            bgra.put(d + 2, rgb.get(s));
            bgra.put(d + 3, (byte) 0xFF);
        }
    }
}
