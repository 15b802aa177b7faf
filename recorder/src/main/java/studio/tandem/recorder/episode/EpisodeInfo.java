package studio.tandem.recorder.episode;

/**
 * What the operator says about an episode.
 *
 * @param task     the task instruction (LeRobot's task string); a language correction starts a new
 *                 task from its frame on
 * @param operator who recorded it (may be empty)
 * @param notes    free text (may be empty)
 */
public record EpisodeInfo(String task, String operator, String notes) {

    public EpisodeInfo {
        if (task == null || task.isBlank()) {
            throw new IllegalArgumentException("episode task must not be empty");
        }
        operator = operator == null ? "" : operator;
        notes = notes == null ? "" : notes;
    }

    public EpisodeInfo withNotes(String newNotes) {
        return new EpisodeInfo(task, operator, newNotes);
    }
}
