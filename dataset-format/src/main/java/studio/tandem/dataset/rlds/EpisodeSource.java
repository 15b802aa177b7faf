package studio.tandem.dataset.rlds;

import java.io.IOException;
import java.util.List;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;

/**
 * What the RLDS exporter reads: a dataset of episodes, whatever its format on disk (a LeRobot v3.0
 * dataset through its adapter; synthetic episodes in tests). Used from the exporter's thread only.
 */
public interface EpisodeSource extends AutoCloseable {

    /** Where the data comes from (a directory path), for messages. */
    String location();

    /** The robot state vector per frame ({@code observation.state}); becomes {@code observation/state}. */
    VectorFeature state();

    /** The executed action per frame ({@code action}); becomes {@code action}. */
    VectorFeature action();

    /** Every camera stream, in export order; each becomes {@code observation/<name>}. */
    List<VisualFeature> cameras();

    /**
     * Extra per-step columns carried as extra step features (intervention, authority, language
     * correction): {@link studio.tandem.dataset.feature.VectorFeature} or
     * {@link studio.tandem.dataset.feature.TextFeature} only.
     */
    List<Feature> extras();

    int episodeCount();

    /** Opens episode {@code i} (0-based position, not necessarily the episode index). */
    SourceEpisode episode(int i) throws IOException;

    @Override
    void close() throws IOException;
}
