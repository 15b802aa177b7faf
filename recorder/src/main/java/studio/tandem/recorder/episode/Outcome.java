package studio.tandem.recorder.episode;

/** The success/failure label of an episode. */
public enum Outcome {
    UNLABELED, SUCCESS, FAILURE
}
