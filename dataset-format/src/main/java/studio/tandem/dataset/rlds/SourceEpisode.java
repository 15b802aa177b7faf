package studio.tandem.dataset.rlds;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import studio.tandem.dataset.feature.TextFeature;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;

/**
 * One episode of an {@link EpisodeSource}. Every per-step accessor returns exactly
 * {@link #length()} steps; a source whose files disagree throws an {@link IOException} naming the
 * file and what is wrong. Used from the exporter's thread, except that the {@link FrameCursor}s of
 * different cameras may be opened and consumed on other threads, concurrently with each other and
 * with the other accessors.
 */
public interface SourceEpisode extends AutoCloseable {

    /** The dataset's own episode index. */
    int episodeIndex();

    /** Number of steps (frames), at least 1. */
    int length();

    /** The source file this episode was read from (relative to the dataset root), for metadata. */
    String filePath();

    /** The success label, empty when the episode is unlabelled. */
    Optional<Boolean> success();

    /**
     * The values of a numeric per-step column, row-major {@code [length][feature.length()]}; bools
     * are 0/1. Units are the column's own.
     */
    double[] numbers(VectorFeature feature) throws IOException;

    /** A text column per step (never null entries; empty string for none). */
    List<String> texts(TextFeature feature) throws IOException;

    /** The task (language instruction) of every step. */
    List<String> instructions() throws IOException;

    /** The frames of one camera, in step order. */
    FrameCursor frames(VisualFeature camera) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
