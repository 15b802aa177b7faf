package studio.tandem.app.studio.common;

/**
 * A stretch of frames shaded on a timeline.
 *
 * @param from first frame (inclusive)
 * @param to last frame (exclusive)
 * @param kind what it marks
 * @param label short text (e.g. a correction's words), may be empty
 */
public record Span(int from, int to, Kind kind, String label) {

    /** What a span marks. */
    public enum Kind { INTERVENTION, CORRECTION, TRIMMED }

    public Span {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("span " + from + ".." + to + " is not a frame range");
        }
        label = label == null ? "" : label;
    }
}
