package studio.tandem.dataset.lerobot;

/**
 * A timestamped event of an episode (intervention start/end, language correction, mode switch...).
 *
 * @param timestamp seconds from the episode's first frame
 * @param type short machine-readable kind, e.g. {@code intervention_start}
 * @param detail free text (e.g. the correction's words), may be empty
 */
public record EpisodeEvent(double timestamp, String type, String detail) {
    public EpisodeEvent {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("event type must not be empty");
        }
        detail = detail == null ? "" : detail;
    }
}
