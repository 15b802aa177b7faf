package studio.tandem.app.studio.review;

import java.util.List;
import studio.tandem.app.studio.review.curation.EpisodeCuration;
import studio.tandem.dataset.lerobot.EpisodeEvent;
import studio.tandem.dataset.lerobot.EpisodeRecord;

/**
 * One line of the episode table: what the dataset stores with the curation applied.
 *
 * @param index the dataset's episode index
 * @param task the (curated) task; several tasks are joined with " → "
 * @param length frames stored
 * @param keptLength frames kept after trimming
 * @param success the (curated) success label, null when unlabelled
 * @param interventions intervention starts recorded with the episode
 * @param corrections language corrections recorded with the episode
 * @param dropped frames dropped while recording, over every camera
 * @param curation the reviewer's decisions
 */
public record EpisodeRow(long index, String task, int length, int keptLength, Boolean success, int interventions,
        int corrections, long dropped, EpisodeCuration curation) {

    /** Builds the row of {@code r} under {@code c}. */
    public static EpisodeRow of(EpisodeRecord r, EpisodeCuration c) {
        int interventions = 0;
        int corrections = 0;
        for (EpisodeEvent e : r.extras().events()) {
            if (isIntervention(e.type())) {
                interventions++;
            } else if (isCorrection(e.type())) {
                corrections++;
            }
        }
        long dropped = 0;
        for (long d : r.extras().droppedFrames().values()) {
            dropped += d;
        }
        String task = c.task() != null ? c.task() : String.join(" → ", r.tasks());
        Boolean success = c.success() != null ? c.success() : r.extras().success();
        int length = (int) r.length();
        return new EpisodeRow(r.episodeIndex(), task, length, c.keptLength(length), success, interventions,
                corrections, dropped, c);
    }

    /** An event type that starts an intervention. */
    static boolean isIntervention(String type) {
        return type.equals("intervention_start") || type.equals("intervention");
    }

    /** An event type of a language correction. */
    static boolean isCorrection(String type) {
        return type.equals("language_correction") || type.equals("correction");
    }

    public boolean deleted() {
        return curation.deleted();
    }

    /** "yes", "no" or "—" for the table. */
    public String successText() {
        return success == null ? "—" : success ? "yes" : "no";
    }

    /** Whether the row matches a filter: every word must appear in the task, the index or a status. */
    public boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String hay = (index + " " + task + " " + (success == null ? "unlabelled" : success ? "success" : "failure")
                + (deleted() ? " deleted" : "") + (curation.isTrimmed() ? " trimmed" : "")
                + (interventions > 0 ? " intervention" : "") + (corrections > 0 ? " correction" : ""))
                .toLowerCase(java.util.Locale.ROOT);
        for (String w : List.of(filter.toLowerCase(java.util.Locale.ROOT).trim().split("\\s+"))) {
            if (!hay.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
