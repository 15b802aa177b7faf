package studio.tandem.teleop.robot;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free latest-frame slot over three preallocated {@link CameraFrame}s, for one capture thread
 * and any number of readers. The writer fills a buffer in place ({@link #beginWrite}, then
 * {@link #publish}) while readers copy the latest published one; each buffer carries a version (odd
 * while written, a sequence lock), so a reader that was overtaken during its copy notices and copies
 * again, and the writer never waits. With three buffers that needs the writer to finish two whole frames
 * during one copy. Nothing is allocated on either side.
 */
public final class LatestFrame {
    private static final int SLOTS = 3;

    private final CameraFrame[] slots = new CameraFrame[SLOTS];
    private final AtomicLongArray versions = new AtomicLongArray(SLOTS);
    private final AtomicLong retries = new AtomicLong();
    private volatile long latest;
    private long writing;

    /** Preallocates three frames of {@code width}×{@code height} RGB. */
    public LatestFrame(int width, int height) {
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = new CameraFrame(width, height);
        }
    }

    public int width() {
        return slots[0].width();
    }

    public int height() {
        return slots[0].height();
    }

    /**
     * The buffer to fill with the next frame (pixels only; {@link #publish} stamps it). Capture thread
     * only; call {@link #publish} before the next {@code beginWrite}.
     */
    public CameraFrame beginWrite() {
        if (writing != 0) {
            throw new IllegalStateException("latest frame: beginWrite twice without publish");
        }
        writing = latest + 1;
        int i = slot(writing);
        versions.set(i, versions.get(i) + 1); // odd: being written
        VarHandle.storeStoreFence();
        return slots[i];
    }

    /**
     * Stamps the buffer from {@link #beginWrite} with its capture time (station clock, ns) and the next
     * sequence number, and makes it the latest. Capture thread only.
     *
     * @return the frame's sequence number (1 for the first)
     */
    public long publish(long stampNanos) {
        long seq = writing;
        if (seq == 0) {
            throw new IllegalStateException("latest frame: publish without beginWrite");
        }
        int i = slot(seq);
        slots[i].stamp(stampNanos, seq);
        versions.set(i, versions.get(i) + 1); // even: stable (the volatile store releases the pixels)
        latest = seq;
        writing = 0;
        return seq;
    }

    /**
     * Copies the latest frame into {@code out} if it is newer than {@code out.sequence()}. Any thread;
     * never blocks the writer.
     *
     * @return false when there is no newer frame ({@code out} unchanged)
     */
    public boolean readLatest(CameraFrame out) {
        while (true) {
            long seq = latest;
            if (seq <= out.sequence()) {
                return false;
            }
            int i = slot(seq);
            long v1 = versions.get(i);
            if ((v1 & 1) == 0) {
                out.copyFrom(slots[i]);
                VarHandle.loadLoadFence();
                if (versions.get(i) == v1) {
                    return true;
                }
            }
            retries.incrementAndGet();
        }
    }

    /** Sequence number of the latest published frame; 0 before the first. Any thread. */
    public long sequence() {
        return latest;
    }

    /** Copies readers had to repeat because the writer overtook them (contention, for diagnostics). */
    public long readRetries() {
        return retries.get();
    }

    private static int slot(long seq) {
        return (int) (seq % SLOTS);
    }
}
