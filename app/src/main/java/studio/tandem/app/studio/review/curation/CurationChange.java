package studio.tandem.app.studio.review.curation;

/**
 * One undoable step of curation.
 *
 * @param episode the dataset's episode index
 * @param before the episode's curation before the step
 * @param after the episode's curation after it
 * @param description what happened, for the status bar ("episode 3: deleted")
 */
public record CurationChange(long episode, EpisodeCuration before, EpisodeCuration after, String description) {
}
