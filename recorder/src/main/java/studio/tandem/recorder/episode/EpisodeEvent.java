package studio.tandem.recorder.episode;

/**
 * An event placed on the episode's frames.
 *
 * @param frameIndex the row nearest the event's capture time
 * @param timestamp  seconds since the episode's first row (exact capture time, not rounded to a row)
 * @param kind       event kind ({@link RecorderEvent#kind()})
 * @param text       event payload
 */
public record EpisodeEvent(int frameIndex, double timestamp, String kind, String text) {
}
