package studio.tandem.autonomy.policy;

/**
 * Post-processing of action blocks declared as {@link PolicyManifest.Representation#DELTA}: every step
 * of the chunk gets the group's command executed on the tick before the observation added, so the
 * chunk that reaches the scheduler holds joint targets (rad) like any other. Runs on the policy
 * thread; allocation-free.
 */
public final class DeltaActions implements ChunkPredictor {
    private final ChunkPredictor inner;
    private final int horizon;
    private final int dim;
    /** Per output column: index of the joint whose previous command is added, or −1 for absolute columns. */
    private final int[] reference;

    private DeltaActions(ChunkPredictor inner, int horizon, int dim, int[] reference) {
        this.inner = inner;
        this.horizon = horizon;
        this.dim = dim;
        this.reference = reference;
    }

    /**
     * {@code inner} itself when no block is a delta, else a wrapper that adds the previous command.
     *
     * @param offset index in the loop's joint vector of the first joint the output drives
     */
    public static ChunkPredictor wrap(ChunkPredictor inner, PolicyManifest.ActionOutput action, int offset) {
        int[] ref = new int[action.dim()];
        boolean any = false;
        int col = 0;
        for (PolicyManifest.ActionBlock b : action.blocks()) {
            boolean delta = b.representation() == PolicyManifest.Representation.DELTA;
            any |= delta;
            for (int j = 0; j < b.length(); j++, col++) {
                ref[col] = delta ? offset + col : -1;
            }
        }
        return any ? new DeltaActions(inner, action.horizon(), action.dim(), ref) : inner;
    }

    @Override
    public double predict(ObservationSlot.Snapshot observation, double[] chunkOut) throws Exception {
        double score = inner.predict(observation, chunkOut);
        double[] previous = observation.commanded();
        for (int d = 0; d < dim; d++) {
            int j = reference[d];
            if (j < 0) {
                continue;
            }
            for (int i = 0; i < horizon; i++) {
                chunkOut[i * dim + d] += previous[j];
            }
        }
        return score;
    }
}
