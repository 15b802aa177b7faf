package studio.tandem.app.record;

import java.io.IOException;
import studio.tandem.recorder.episode.Recorder;

/**
 * What {@code tandem record} records from: declares its streams on a {@link Recorder} (before it
 * opens), then produces samples on its own threads. Lifecycle methods are called from the command
 * thread.
 */
public interface RecordStation extends AutoCloseable {

    /** Robot type written into the dataset's info.json. */
    String robotType();

    /** Declares every stream on {@code recorder}. Called once, before {@link Recorder#open()}. */
    void declare(Recorder recorder);

    /**
     * Starts producing (its own threads).
     *
     * @throws IOException with a one-line reason when the station cannot start (e.g. no OpenGL)
     */
    void start() throws IOException;

    /**
     * Called just before episode {@code number} (1-based) starts recording; a station with a scripted
     * operator starts that episode's task here.
     *
     * @param task the task the user asked for, or null
     * @return the task text to record with the episode
     */
    default String beginEpisode(int number, String task) {
        return task;
    }

    /** Frames published by each camera so far (for progress lines). */
    long[] framesPublished();

    @Override
    void close();
}
