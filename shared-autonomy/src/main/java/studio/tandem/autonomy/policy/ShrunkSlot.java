package studio.tandem.autonomy.policy;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The latest shrunk frame of one camera input, handed from the thread that shrinks frames to the
 * policy thread without locks: three preallocated {@link ShrunkFrame}s, each with a version that is odd
 * while it is written (a sequence lock). The writer shrinks straight into a free buffer and never
 * waits; a reader copies the newest published one (a few KB) and copies again in the rare case the
 * writer overtook it twice meanwhile. Reads that find nothing newer than what the reader holds are
 * counted as reused (the policy ran on a stale frame); one reader thread (the policy's) counts.
 * Nothing is allocated on either side.
 */
public final class ShrunkSlot {
    private static final int SLOTS = 3;

    private final ShrunkFrame[] frames = new ShrunkFrame[SLOTS];
    private final AtomicLongArray versions = new AtomicLongArray(SLOTS);
    private volatile long latest;
    private volatile long reused;
    private long writing = -1;

    public ShrunkSlot(int width, int height) {
        for (int i = 0; i < SLOTS; i++) {
            frames[i] = new ShrunkFrame(width, height);
        }
    }

    /** The buffer to shrink the next frame into. Writer thread only; {@link #publish} before the next call. */
    public ShrunkFrame beginWrite() {
        if (writing >= 0) {
            throw new IllegalStateException("shrunk slot: beginWrite twice without publish");
        }
        writing = latest + 1;
        int i = slot(writing);
        versions.set(i, versions.get(i) + 1); // odd: being written
        VarHandle.storeStoreFence();
        return frames[i];
    }

    /** Makes the buffer from {@link #beginWrite} the latest. Writer thread only. */
    public void publish() {
        if (writing < 0) {
            throw new IllegalStateException("shrunk slot: publish without beginWrite");
        }
        int i = slot(writing);
        versions.set(i, versions.get(i) + 1); // even: stable
        latest = writing;
        writing = -1;
    }

    /**
     * Copies the newest frame into {@code into} unless {@code into} already holds it (then counts a
     * reuse). Any thread; never blocks the writer.
     *
     * @return false when nothing was published yet
     */
    public boolean read(ShrunkFrame into) {
        while (true) {
            long n = latest;
            if (n == 0) {
                return false;
            }
            int i = slot(n);
            long v1 = versions.get(i);
            if ((v1 & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            ShrunkFrame f = frames[i];
            if (f.sequence() == into.sequence() && f.stampNanos() == into.stampNanos() && into.taps() > 0) {
                VarHandle.loadLoadFence();
                if (versions.get(i) == v1) {
                    reused++;
                    return true;
                }
                continue;
            }
            into.copyFrom(f);
            VarHandle.loadLoadFence();
            if (versions.get(i) == v1) {
                return true;
            }
            into.invalidate(); // overtaken mid-copy: its header must not pass for the frame it names
        }
    }

    /** Frames published since creation. Any thread. */
    public long published() {
        return latest;
    }

    /** Reads that found no newer frame than the reader's own (stale input). Any thread. */
    public long reused() {
        return reused;
    }

    private static int slot(long n) {
        return (int) (n % SLOTS);
    }
}
