package studio.tandem.app.cli;

import studio.tandem.recorder.episode.Recorder;

/**
 * What {@code tandem record} records from: declares its streams on a {@link Recorder} (before it
 * opens), then produces samples on its own threads. {@code synthetic} today; {@code sim} plugs in
 * here once the simulated station exists.
 */
interface RecordStation extends AutoCloseable {

    /** Robot type written into the dataset's info.json. */
    String robotType();

    /** Declares every stream on {@code recorder}. Called once, before {@link Recorder#open()}. */
    void declare(Recorder recorder);

    /** Starts producing (its own threads). */
    void start();

    /** Frames published by each camera so far (for progress lines). */
    long[] framesPublished();

    @Override
    void close();
}
