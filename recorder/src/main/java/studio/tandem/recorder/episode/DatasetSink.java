package studio.tandem.recorder.episode;

import java.io.IOException;

/**
 * Where finished episodes go: the LeRobot v3.0 writer in production. Called from the recorder's
 * saver thread only, one episode at a time, in recording order.
 */
public interface DatasetSink {
    /** What {@link #appendEpisode} returns for an episode it did not append. */
    int DECLINED = -1;

    /**
     * Appends one episode. On return the episode is durably part of the dataset; on failure nothing
     * of it is (the dataset stays valid).
     *
     * @return the episode index it received, or {@link #DECLINED} when the sink was told to drop the
     *     episode (e.g. the operator discarded it after stopping): then nothing of it is in the dataset
     */
    int appendEpisode(EpisodeData episode) throws IOException;

    /**
     * Loads and exercises what saving needs (classes, native libraries) away from the dataset, so the
     * first save is as fast as the others. Called once when the recorder opens.
     */
    default void warmUp() throws IOException {
    }

    /** Episodes already in the dataset (the next index). */
    int episodeCount();
}
