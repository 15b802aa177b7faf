package studio.tandem.autonomy.policy;

/**
 * Executes overlapping action chunks with ACT's temporal ensembling: every stored chunk that covers
 * the current time contributes its (linearly interpolated) action, weighted exp(−k·j) with j = 0
 * for the oldest chunk. Actions whose time has passed when their chunk arrives are dropped and
 * counted (latency compensation): a chunk is anchored at its observation's capture time, so a late
 * chunk starts part-way in. The per-step disagreement between chunks (weighted standard deviation
 * over the action scale, averaged over dimensions) is the failure score.
 *
 * <p>Control thread only; allocation-free.
 */
public final class ChunkScheduler {
    private final int horizon;
    private final int dim;
    private final long stepNanos;
    /** Ensembling weight of the j-th oldest covering chunk, exp(−k·j), precomputed. */
    private final double[] weights;
    private final double[] scale;
    private final double[][] chunks;
    private final long[] starts;
    private final double[] sum;
    private final double[] sumSq;
    private int count;
    private int head;
    private long droppedActions;
    private long droppedChunks;
    private long evictedChunks;
    private double score = Double.NaN;

    /**
     * @param actionFps actions per second within a chunk
     * @param maxChunks chunks kept at once (≥ horizon × inference rate / action rate is enough)
     * @param k ensembling decay (ACT uses 0.01)
     * @param scale per-dimension scale of the disagreement score (e.g. the action std)
     */
    public ChunkScheduler(int horizon, int dim, double actionFps, int maxChunks, double k, double[] scale) {
        if (horizon < 1 || dim < 1 || maxChunks < 1 || !(actionFps > 0) || scale.length != dim) {
            throw new IllegalArgumentException("chunk scheduler: bad sizes horizon " + horizon + ", dim " + dim
                    + ", chunks " + maxChunks + ", fps " + actionFps + ", scale " + scale.length);
        }
        this.horizon = horizon;
        this.dim = dim;
        this.stepNanos = Math.round(1e9 / actionFps);
        this.weights = new double[maxChunks];
        for (int j = 0; j < maxChunks; j++) {
            weights[j] = Math.exp(-k * j);
        }
        this.scale = scale.clone();
        this.chunks = new double[maxChunks][horizon * dim];
        this.starts = new long[maxChunks];
        this.sum = new double[dim];
        this.sumSq = new double[dim];
    }

    /**
     * Adds a chunk whose action 0 belongs to {@code startNanos} (its observation's capture time).
     *
     * @return false when every action of it had already passed (the whole chunk is dropped)
     */
    public boolean add(long startNanos, double[] chunk, long nowNanos) {
        long passed = nowNanos <= startNanos ? 0 : (nowNanos - startNanos) / stepNanos;
        if (passed >= horizon) {
            droppedActions += horizon;
            droppedChunks++;
            return false;
        }
        droppedActions += passed;
        int slot = (head + count) % chunks.length;
        if (count == chunks.length) {
            head = (head + 1) % chunks.length;
            evictedChunks++;
        } else {
            count++;
        }
        System.arraycopy(chunk, 0, chunks[slot], 0, horizon * dim);
        starts[slot] = startNanos;
        return true;
    }

    /**
     * Writes the ensembled action for {@code nowNanos} into {@code out[offset..offset+dim)}.
     *
     * @return false when no chunk covers this time (nothing written)
     */
    public boolean actionAt(long nowNanos, double[] out, int offset) {
        expire(nowNanos);
        double wsum = 0;
        for (int d = 0; d < dim; d++) {
            sum[d] = 0;
            sumSq[d] = 0;
        }
        int j = 0;
        for (int n = 0; n < count; n++) {
            int slot = (head + n) % chunks.length;
            long rel = nowNanos - starts[slot];
            if (rel < 0) {
                continue;
            }
            double w = weights[j++];
            accumulate(chunks[slot], rel, w);
            wsum += w;
        }
        if (j == 0) {
            score = Double.NaN;
            return false;
        }
        double s = 0;
        for (int d = 0; d < dim; d++) {
            double mean = sum[d] / wsum;
            out[offset + d] = mean;
            double var = Math.max(sumSq[d] / wsum - mean * mean, 0);
            s += Math.sqrt(var) / scale[d];
        }
        score = s / dim;
        return true;
    }

    private void accumulate(double[] chunk, long rel, double w) {
        int i = (int) (rel / stepNanos);
        double frac = (double) (rel - (long) i * stepNanos) / stepNanos;
        int i1 = Math.min(i + 1, horizon - 1);
        for (int d = 0; d < dim; d++) {
            double a = chunk[i * dim + d];
            double v = a + (chunk[i1 * dim + d] - a) * frac;
            sum[d] += w * v;
            sumSq[d] += w * v * v;
        }
    }

    /** Drops chunks whose last action is in the past (their time is over). */
    private void expire(long nowNanos) {
        while (count > 0 && nowNanos - starts[head] > (long) (horizon - 1) * stepNanos) {
            head = (head + 1) % chunks.length;
            count--;
        }
    }

    /** Disagreement of the last {@link #actionAt} (0 with one chunk; NaN when none). */
    public double score() {
        return score;
    }

    public int activeChunks() {
        return count;
    }

    /** Actions skipped because their time had passed when their chunk arrived. */
    public long droppedActions() {
        return droppedActions;
    }

    /** Chunks that arrived entirely too late. */
    public long droppedChunks() {
        return droppedChunks;
    }

    /** Chunks pushed out while still current because {@code maxChunks} were stored. */
    public long evictedChunks() {
        return evictedChunks;
    }

    public void clear() {
        count = 0;
        head = 0;
    }
}
