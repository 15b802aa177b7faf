package studio.tandem.app.studio.collect;

/** Where the recording bar is: idle, recording, or stopped with the episode held for a decision. */
public enum RecordingPhase {
    /** No episode: Record starts one. */
    IDLE,
    /** An episode is being recorded; its timer runs. */
    RECORDING,
    /**
     * Stopped: the episode's length is fixed (timer frozen) and it is held, not yet written, until the
     * operator saves it as a success or failure, saves it unlabelled, discards or re-records it.
     */
    AWAITING_DECISION
}
