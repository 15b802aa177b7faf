package studio.tandem.recorder.capture;

import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.recorder.align.SamplingRule;
import studio.tandem.recorder.ring.VectorRing;

/**
 * The producer's handle on one vector stream (state, action, tactile, a policy proposal, ...). One
 * producer thread calls {@link #offer}; it never blocks and never allocates. A sample that does not
 * fit is counted ({@link #overflowCount()}), never silently lost.
 */
public final class VectorInput {
    private final VectorFeature feature;
    private final SamplingRule rule;
    private final long maxStalenessNanos;
    private final VectorRing ring;

    /**
     * @param maxStalenessNanos a row whose sample is further than this from its instant is missing
     * @param capacity          ring capacity in samples
     */
    public VectorInput(VectorFeature feature, SamplingRule rule, long maxStalenessNanos, int capacity) {
        this.feature = feature;
        this.rule = rule;
        this.maxStalenessNanos = maxStalenessNanos;
        this.ring = new VectorRing(feature.length(), capacity);
    }

    /**
     * Publishes a sample. Producer thread only.
     *
     * @param captureNanos capture time on the process clock (ns)
     * @param values       at least {@code feature().length()} values, in the feature's units and order
     * @return false if the ring was full (counted)
     */
    public boolean offer(long captureNanos, double[] values) {
        if (values.length < ring.width()) {
            throw new IllegalArgumentException(feature.name() + ": " + values.length + " values for length "
                    + ring.width());
        }
        return ring.offer(captureNanos, values, 0);
    }

    public VectorFeature feature() {
        return feature;
    }

    public SamplingRule rule() {
        return rule;
    }

    public long maxStalenessNanos() {
        return maxStalenessNanos;
    }

    /** Samples lost because the ring was full, since creation. Any thread. */
    public long overflowCount() {
        return ring.overflowCount();
    }

    /** The ring, for the recorder's writer thread. */
    public VectorRing ring() {
        return ring;
    }
}
