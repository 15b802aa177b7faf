package studio.tandem.recorder.episode;

/**
 * A timestamped event recorded with the episode. {@code timeNanos} is the capture time on the process
 * clock. Events are rare, so they are ordinary immutable records.
 */
public sealed interface RecorderEvent {

    long timeNanos();

    /** Kind name as stored with the episode ("language_correction", ...). */
    String kind();

    /** Text payload as stored with the episode (may be empty). */
    String text();

    /** The operator corrected the policy in words: a new task string from this instant on. */
    record LanguageCorrection(long timeNanos, String instruction) implements RecorderEvent {
        public LanguageCorrection {
            if (instruction == null || instruction.isBlank()) {
                throw new IllegalArgumentException("language correction must not be empty");
            }
        }

        @Override
        public String kind() {
            return "language_correction";
        }

        @Override
        public String text() {
            return instruction;
        }
    }

    /** The operator took over ({@code who}: e.g. "arm", "hand", "all"). */
    record InterventionStart(long timeNanos, String who) implements RecorderEvent {
        @Override
        public String kind() {
            return "intervention_start";
        }

        @Override
        public String text() {
            return who == null ? "" : who;
        }
    }

    /** The operator handed control back. */
    record InterventionEnd(long timeNanos) implements RecorderEvent {
        @Override
        public String kind() {
            return "intervention_end";
        }

        @Override
        public String text() {
            return "";
        }
    }

    /** A free-text annotation at an instant. */
    record Annotation(long timeNanos, String note) implements RecorderEvent {
        @Override
        public String kind() {
            return "annotation";
        }

        @Override
        public String text() {
            return note == null ? "" : note;
        }
    }

    /** Success or failure declared at an instant (the last one labels the episode). */
    record OutcomeLabel(long timeNanos, Outcome outcome) implements RecorderEvent {
        @Override
        public String kind() {
            return "outcome";
        }

        @Override
        public String text() {
            return outcome.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Rebuilds an event from its stored kind and text (staging recovery). */
    static RecorderEvent of(String kind, long timeNanos, String text) {
        return switch (kind) {
            case "language_correction" -> new LanguageCorrection(timeNanos, text);
            case "intervention_start" -> new InterventionStart(timeNanos, text);
            case "intervention_end" -> new InterventionEnd(timeNanos);
            case "annotation" -> new Annotation(timeNanos, text);
            case "outcome" -> new OutcomeLabel(timeNanos,
                    Outcome.valueOf(text.toUpperCase(java.util.Locale.ROOT)));
            default -> throw new IllegalArgumentException("unknown event kind '" + kind + "'");
        };
    }
}
