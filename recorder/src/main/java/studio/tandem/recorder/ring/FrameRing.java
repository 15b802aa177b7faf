package studio.tandem.recorder.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Single-producer single-consumer ring of preallocated camera frames ({@link FrameSlot}s over direct
 * buffers). The camera thread claims a free slot, writes pixels into it and publishes it with the
 * capture time; the encoder thread polls published slots, may hold several, and releases them in
 * order. A full ring makes {@link #claim()} return null and counts a dropped frame; the producer
 * never blocks and nothing is allocated per frame.
 */
public final class FrameRing {
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;
    private static final VarHandle DROPS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            HEAD = l.findVarHandle(FrameRing.class, "head", long.class);
            TAIL = l.findVarHandle(FrameRing.class, "tail", long.class);
            DROPS = l.findVarHandle(FrameRing.class, "drops", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final FrameSlot[] slots;
    private final int mask;
    /** Released position (consumer writes). */
    @SuppressWarnings("unused")
    private long head;
    /** Published position (producer writes). */
    @SuppressWarnings("unused")
    private long tail;
    @SuppressWarnings("unused")
    private long drops;
    /** Producer-local. */
    private long cachedHead;
    private boolean claimed;
    /** Consumer-local: next slot to poll. */
    private long readPos;

    /**
     * @param width    frame width (px)
     * @param height   frame height (px)
     * @param capacity slots; rounded up to a power of two (at least 4: the consumer may hold two)
     */
    public FrameRing(int width, int height, int capacity) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("bad frame size " + width + "x" + height);
        }
        if (capacity < 2 || capacity > 4096) {
            throw new IllegalArgumentException("frame ring capacity must be in [2, 4096], was " + capacity);
        }
        int cap = Math.max(4, Integer.highestOneBit(capacity - 1) << 1);
        slots = new FrameSlot[cap];
        for (int i = 0; i < cap; i++) {
            slots[i] = new FrameSlot(width, height);
        }
        mask = cap - 1;
    }

    public int capacity() {
        return mask + 1;
    }

    /**
     * Producer thread: a free slot to fill, or null when the ring is full (counted as a dropped
     * frame). Claiming again without publishing returns the same slot.
     */
    public FrameSlot claim() {
        long t = (long) TAIL.getOpaque(this);
        if (t - cachedHead > mask) {
            cachedHead = (long) HEAD.getAcquire(this);
            if (t - cachedHead > mask) {
                DROPS.setRelease(this, (long) DROPS.getOpaque(this) + 1);
                claimed = false;
                return null;
            }
        }
        claimed = true;
        FrameSlot s = slots[(int) t & mask];
        s.pixels().clear();
        return s;
    }

    /**
     * Producer thread: publishes the slot returned by the last {@link #claim()}.
     *
     * @param captureNanos capture time on the process clock (ns)
     */
    public void publish(long captureNanos) {
        if (!claimed) {
            throw new IllegalStateException("publish without a successful claim");
        }
        long t = (long) TAIL.getOpaque(this);
        FrameSlot s = slots[(int) t & mask];
        s.captureNanos = captureNanos;
        s.sequence = t;
        claimed = false;
        TAIL.setRelease(this, t + 1);
    }

    /** Consumer thread: the next published slot not yet polled, or null. The slot stays valid until released. */
    public FrameSlot poll() {
        if (readPos >= (long) TAIL.getAcquire(this)) {
            return null;
        }
        return slots[(int) readPos++ & mask];
    }

    /** Consumer thread: the next published slot without taking it, or null. */
    public FrameSlot peek() {
        if (readPos >= (long) TAIL.getAcquire(this)) {
            return null;
        }
        return slots[(int) readPos & mask];
    }

    /** Consumer thread: frees the oldest polled, unreleased slot. */
    public void release() {
        long h = (long) HEAD.getOpaque(this);
        if (h >= readPos) {
            throw new IllegalStateException("release without a polled slot");
        }
        HEAD.setRelease(this, h + 1);
    }

    /** Consumer thread: polled slots not yet released. */
    public int held() {
        return (int) (readPos - (long) HEAD.getOpaque(this));
    }

    /** Frames dropped because the ring was full, since creation. Any thread. */
    public long dropCount() {
        return (long) DROPS.getAcquire(this);
    }

    /** Frames published since creation. Any thread. */
    public long publishedCount() {
        return (long) TAIL.getAcquire(this);
    }
}
