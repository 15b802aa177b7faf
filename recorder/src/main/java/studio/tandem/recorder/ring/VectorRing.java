package studio.tandem.recorder.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Single-producer single-consumer ring of timestamped fixed-width numeric samples (a vector stream:
 * state, action, tactile, ...). Preallocated, power-of-two capacity; neither side allocates. A full
 * ring rejects the sample and counts it as an overflow, it never blocks the producer.
 *
 * <p>Exactly one thread may call {@link #offer} (the producer, e.g. the control loop) and exactly one
 * thread may call {@link #drain} (the consumer, the recorder's writer thread). Counters may be read
 * from any thread.
 */
public final class VectorRing {
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;
    private static final VarHandle OVERFLOWS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            HEAD = l.findVarHandle(VectorRing.class, "head", long.class);
            TAIL = l.findVarHandle(VectorRing.class, "tail", long.class);
            OVERFLOWS = l.findVarHandle(VectorRing.class, "overflows", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int width;
    private final int mask;
    private final long[] times;
    private final double[] values;

    /** Consumer position: samples before it are free. Written by the consumer only. */
    @SuppressWarnings("unused")
    private long head;
    /** Producer position: samples before it are published. Written by the producer only. */
    @SuppressWarnings("unused")
    private long tail;
    @SuppressWarnings("unused")
    private long overflows;
    /** Producer-local copy of {@link #head}, refreshed only when the ring looks full. */
    private long cachedHead;

    /**
     * @param width    values per sample (the vector length)
     * @param capacity samples the ring holds; rounded up to a power of two
     */
    public VectorRing(int width, int capacity) {
        if (width < 1) {
            throw new IllegalArgumentException("ring width must be >= 1, was " + width);
        }
        if (capacity < 2 || capacity > (1 << 24)) {
            throw new IllegalArgumentException("ring capacity must be in [2, 2^24], was " + capacity);
        }
        int cap = Integer.highestOneBit(capacity - 1) << 1;
        this.width = width;
        this.mask = cap - 1;
        this.times = new long[cap];
        this.values = new double[cap * width];
    }

    public int width() {
        return width;
    }

    public int capacity() {
        return mask + 1;
    }

    /**
     * Publishes one sample. Producer thread only; allocation-free.
     *
     * @param captureNanos capture time on the process clock (ns)
     * @param src          source array; {@code width} values are copied from {@code offset}
     * @return false if the ring was full (the sample is counted as an overflow and dropped)
     */
    public boolean offer(long captureNanos, double[] src, int offset) {
        long t = (long) TAIL.getOpaque(this);
        if (t - cachedHead > mask) {
            cachedHead = (long) HEAD.getAcquire(this);
            if (t - cachedHead > mask) {
                OVERFLOWS.setRelease(this, (long) OVERFLOWS.getOpaque(this) + 1);
                return false;
            }
        }
        int i = (int) t & mask;
        times[i] = captureNanos;
        System.arraycopy(src, offset, values, i * width, width);
        TAIL.setRelease(this, t + 1);
        return true;
    }

    /** Same as {@link #offer(long, double[], int)} with offset 0. */
    public boolean offer(long captureNanos, double[] src) {
        return offer(captureNanos, src, 0);
    }

    /**
     * Hands up to {@code limit} published samples to {@code handler}, oldest first, then frees them.
     * Consumer thread only; allocation-free. The handler must copy what it keeps: the backing array
     * is reused once this call returns.
     *
     * @return how many samples were handed over
     */
    public int drain(SampleHandler handler, int limit) {
        long h = (long) HEAD.getOpaque(this);
        long t = (long) TAIL.getAcquire(this);
        int n = (int) Math.min(t - h, limit);
        for (int k = 0; k < n; k++) {
            int i = (int) (h + k) & mask;
            handler.onSample(times[i], values, i * width, width);
        }
        HEAD.setRelease(this, h + n);
        return n;
    }

    /** Samples waiting for the consumer. Any thread (approximate while the producer runs). */
    public int size() {
        return (int) ((long) TAIL.getAcquire(this) - (long) HEAD.getAcquire(this));
    }

    /** Samples rejected because the ring was full, since creation. Any thread. */
    public long overflowCount() {
        return (long) OVERFLOWS.getAcquire(this);
    }

    /** Samples ever published, since creation. Any thread. */
    public long publishedCount() {
        return (long) TAIL.getAcquire(this);
    }

    /** Receives drained samples; implemented by the consumer (no capturing lambdas on hot paths). */
    @FunctionalInterface
    public interface SampleHandler {
        /**
         * @param captureNanos capture time (ns, process clock)
         * @param values       backing array; the sample is {@code values[offset .. offset+width)}
         */
        void onSample(long captureNanos, double[] values, int offset, int width);
    }
}
