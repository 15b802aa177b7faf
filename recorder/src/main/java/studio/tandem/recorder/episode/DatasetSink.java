package studio.tandem.recorder.episode;

import java.io.IOException;

/**
 * Where finished episodes go: the LeRobot v3.0 writer in production. Called from the recorder's
 * saver thread only, one episode at a time, in recording order.
 */
public interface DatasetSink {

    /**
     * Appends one episode. On return the episode is durably part of the dataset; on failure nothing
     * of it is (the dataset stays valid).
     *
     * @return the episode index it received
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
