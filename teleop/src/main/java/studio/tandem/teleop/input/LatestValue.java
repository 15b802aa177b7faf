package studio.tandem.teleop.input;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Supplier;

/**
 * A single-writer, many-reader latest-value slot (a sequence lock): the device thread publishes by
 * copying into a preallocated value; readers copy it out and never block the writer. No allocation
 * after construction.
 *
 * <p>Threads: {@link #publish} from exactly one thread (the device thread); {@link #read} from any.
 */
public final class LatestValue<T extends LatestValue.Copyable<T>> {

    /** A mutable value that can copy another of its kind field by field. */
    public interface Copyable<T> {
        void copyFrom(T other);

        /** Called by {@link LatestValue#publish} with the slot's next sequence number (from 1). */
        default void assignSequence(long sequence) {
        }
    }

    private static final VarHandle SEQ;

    static {
        try {
            SEQ = MethodHandles.lookup().findVarHandle(LatestValue.class, "seq", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final T slot;
    @SuppressWarnings("unused") // accessed through SEQ
    private volatile long seq;
    private long published;

    public LatestValue(Supplier<T> factory) {
        this.slot = factory.get();
    }

    /**
     * Copies {@code value} into the slot, after assigning it the next sequence number. Single writer
     * thread only.
     */
    public void publish(T value) {
        published++;
        value.assignSequence(published);
        long s = (long) SEQ.getOpaque(this);
        SEQ.setOpaque(this, s + 1);
        VarHandle.storeStoreFence();
        slot.copyFrom(value);
        SEQ.setRelease(this, s + 2);
    }

    /**
     * Copies the latest value into {@code dst}.
     *
     * @return false if nothing was ever published ({@code dst} is then unchanged)
     */
    public boolean read(T dst) {
        while (true) {
            long before = (long) SEQ.getAcquire(this);
            if (before == 0) {
                return false;
            }
            if ((before & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            dst.copyFrom(slot);
            VarHandle.loadLoadFence();
            if ((long) SEQ.getOpaque(this) == before) {
                return true;
            }
        }
    }

    /** Number of values published so far. Any thread (approximate while publishing). */
    public long publishedCount() {
        return ((long) SEQ.getAcquire(this)) >>> 1;
    }
}
