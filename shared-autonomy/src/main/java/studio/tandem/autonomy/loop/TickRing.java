package studio.tandem.autonomy.loop;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Single-writer ring of preallocated {@link TickData} slots with a sequence number per slot
 * (seqlock). The control thread {@link #publish}es; any number of readers pull the latest tick
 * (the UI) or drain every tick in order through their own {@link Cursor} (the recorder). A reader
 * that falls a whole ring behind loses ticks, and the cursor counts them.
 */
public final class TickRing {
    private static final VarHandle STAMP;

    static {
        try {
            STAMP = MethodHandles.lookup().findVarHandle(Slot.class, "stamp", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Slot {
        final TickData data;
        volatile long stamp = -1;

        Slot(LoopLayout layout) {
            data = new TickData(layout);
        }
    }

    private final Slot[] slots;
    private final int mask;
    private final LoopLayout layout;
    private volatile long published = -1;

    /** @param capacity a power of two ≥ 2 (e.g. 1024 = 2 s at 500 Hz) */
    public TickRing(LoopLayout layout, int capacity) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("tick ring: capacity must be a power of two >= 2, was " + capacity);
        }
        this.layout = layout;
        slots = new Slot[capacity];
        for (int i = 0; i < capacity; i++) {
            slots[i] = new Slot(layout);
        }
        mask = capacity - 1;
    }

    public LoopLayout layout() {
        return layout;
    }

    public int capacity() {
        return slots.length;
    }

    /** Writer (control thread) only: the slot to fill for {@code sequence}; call {@link #publish} after. */
    TickData begin(long sequence) {
        Slot s = slots[(int) (sequence & mask)];
        STAMP.setVolatile(s, -2L);
        VarHandle.storeStoreFence();
        s.data.clearEvents();
        s.data.sequence = sequence;
        return s.data;
    }

    /** Writer only: makes the tick visible. */
    void publish(long sequence) {
        Slot s = slots[(int) (sequence & mask)];
        STAMP.setVolatile(s, sequence);
        published = sequence;
    }

    /** The newest published sequence, or −1. Any thread. */
    public long lastSequence() {
        return published;
    }

    /**
     * Copies tick {@code sequence} into {@code dst}. Any thread; allocation-free.
     *
     * @return false when it is not published yet or was already overwritten
     */
    public boolean read(long sequence, TickData dst) {
        Slot s = slots[(int) (sequence & mask)];
        for (int attempt = 0; attempt < 4; attempt++) {
            long before = (long) STAMP.getVolatile(s);
            if (before != sequence) {
                if (before == -2L) {
                    Thread.onSpinWait();
                    continue;
                }
                return false;
            }
            dst.copyFrom(s.data);
            VarHandle.loadLoadFence();
            if ((long) STAMP.getVolatile(s) == sequence) {
                return true;
            }
        }
        return false;
    }

    /** The newest tick as an immutable snapshot, or null before the first tick. For the UI (allocates). */
    public Tick latest() {
        TickData scratch = new TickData(layout);
        for (int attempt = 0; attempt < 8; attempt++) {
            long seq = published;
            if (seq < 0) {
                return null;
            }
            if (read(seq, scratch)) {
                return scratch.toTick();
            }
        }
        return null;
    }

    /** A reader's position; one per consumer thread. */
    public static final class Cursor {
        private long next;
        private long lost;

        public Cursor(long firstSequence) {
            next = firstSequence;
        }

        /** The next sequence this reader will see. */
        public long next() {
            return next;
        }

        /** Ticks this reader missed because it fell a ring behind. */
        public long lost() {
            return lost;
        }
    }

    /** Receives drained ticks; the data is valid only during the call. */
    @FunctionalInterface
    public interface Consumer {
        void onTick(TickData tick);
    }

    /**
     * Hands every tick from the cursor up to the newest to {@code consumer}, in order, through
     * {@code scratch}; ticks already overwritten are skipped and counted. Allocation-free.
     *
     * @return ticks delivered
     */
    public int drain(Cursor cursor, TickData scratch, Consumer consumer) {
        long last = published;
        int delivered = 0;
        if (last - cursor.next >= slots.length) {
            long first = last - slots.length + 1;
            cursor.lost += first - cursor.next;
            cursor.next = first;
        }
        while (cursor.next <= last) {
            if (read(cursor.next, scratch)) {
                consumer.onTick(scratch);
                delivered++;
            } else {
                cursor.lost++;
            }
            cursor.next++;
        }
        return delivered;
    }
}
