package studio.tandem.autonomy.policy;

/**
 * Hands finished chunks from the policy thread (single producer) to the control thread (single
 * consumer) through preallocated slots. A full queue rejects the new chunk and counts it.
 */
public final class ChunkQueue {
    private final double[][] chunks;
    private final long[] starts;
    private final double[] scores;
    private final int mask;
    private volatile long head;
    private volatile long tail;
    private volatile long overflow;

    /** @param capacity power of two */
    public ChunkQueue(int capacity, int chunkLength) {
        if (capacity < 1 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("chunk queue: capacity must be a power of two, was " + capacity);
        }
        chunks = new double[capacity][chunkLength];
        starts = new long[capacity];
        scores = new double[capacity];
        mask = capacity - 1;
    }

    /** Producer: copies the chunk in; false (and counted) when full. */
    public boolean offer(long startNanos, double[] chunk, double modelScore) {
        long t = tail;
        if (t - head >= chunks.length) {
            overflow++;
            return false;
        }
        int slot = (int) (t & mask);
        System.arraycopy(chunk, 0, chunks[slot], 0, chunks[slot].length);
        starts[slot] = startNanos;
        scores[slot] = modelScore;
        tail = t + 1;
        return true;
    }

    /**
     * Consumer: moves every waiting chunk into {@code scheduler}.
     *
     * @return the model-declared failure score of the newest chunk moved, or NaN when none was
     */
    public double drainInto(ChunkScheduler scheduler, long nowNanos) {
        long h = head;
        long t = tail;
        double score = Double.NaN;
        while (h < t) {
            int slot = (int) (h & mask);
            scheduler.add(starts[slot], chunks[slot], nowNanos);
            score = scores[slot];
            h++;
        }
        head = h;
        return score;
    }

    /** Chunks rejected because the control thread had not taken the earlier ones. */
    public long overflow() {
        return overflow;
    }
}
