package studio.tandem.recorder.episode;

/**
 * Told about what the recorder decides by itself. Called on the recorder's threads: implementations
 * must return quickly (the UI coalesces and hands over to its own thread).
 */
public interface RecorderListener {

    /** Recording was stopped without the operator (disk almost full, write failure); it is being saved. */
    default void onAutoStop(String reason) {
    }

    /** An episode was saved. */
    default void onSaved(EpisodeSummary summary) {
    }

    /** An episode could not be saved and was quarantined ({@code reason} says why and where). */
    default void onSaveFailed(String reason) {
    }

    RecorderListener NONE = new RecorderListener() {
    };
}
