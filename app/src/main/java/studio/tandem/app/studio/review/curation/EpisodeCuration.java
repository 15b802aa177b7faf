package studio.tandem.app.studio.review.curation;

/**
 * A reviewer's decisions about one episode, applied over what the dataset stores. The dataset's
 * files are never changed by curation; exports honour it.
 *
 * @param success relabelled success, null to keep the stored label
 * @param task replacement task text for every frame, null to keep the stored tasks
 * @param trimFrom first kept frame (inclusive), 0 when not trimmed
 * @param trimTo frame after the last kept one (exclusive), -1 for the episode's end
 * @param deleted excluded from the dataset's curated view and exports (recoverable)
 */
public record EpisodeCuration(Boolean success, String task, int trimFrom, int trimTo, boolean deleted) {

    public static final EpisodeCuration NONE = new EpisodeCuration(null, null, 0, -1, false);

    public EpisodeCuration {
        if (trimFrom < 0 || (trimTo != -1 && trimTo <= trimFrom)) {
            throw new IllegalArgumentException("trim: " + trimFrom + ".." + trimTo + " keeps no frame");
        }
        if (task != null && task.isBlank()) {
            throw new IllegalArgumentException("task: must not be empty");
        }
    }

    public boolean isTrimmed() {
        return trimFrom > 0 || trimTo != -1;
    }

    /** The kept end frame (exclusive) of an episode of {@code length} frames. */
    public int keptTo(int length) {
        return trimTo == -1 ? length : Math.min(trimTo, length);
    }

    /** Frames kept of an episode of {@code length} frames. */
    public int keptLength(int length) {
        return Math.max(0, keptTo(length) - trimFrom);
    }

    public EpisodeCuration withSuccess(Boolean s) {
        return new EpisodeCuration(s, task, trimFrom, trimTo, deleted);
    }

    public EpisodeCuration withTask(String t) {
        return new EpisodeCuration(success, t, trimFrom, trimTo, deleted);
    }

    public EpisodeCuration withTrim(int from, int to) {
        return new EpisodeCuration(success, task, from, to, deleted);
    }

    public EpisodeCuration withDeleted(boolean d) {
        return new EpisodeCuration(success, task, trimFrom, trimTo, d);
    }

    public boolean isNone() {
        return equals(NONE);
    }
}
