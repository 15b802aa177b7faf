package studio.tandem.autonomy.policy;

/** Predicts an action chunk from an observation; runs on the policy thread and may take long. */
@FunctionalInterface
public interface ChunkPredictor {

    /**
     * @param chunkOut receives horizon × dim actions (row-major) in the action feature's units
     * @return the model's failure score, or NaN when it declares none
     * @throws Exception when inference fails (counted; the loop keeps going without the chunk)
     */
    double predict(ObservationSlot.Snapshot observation, double[] chunkOut) throws Exception;
}
