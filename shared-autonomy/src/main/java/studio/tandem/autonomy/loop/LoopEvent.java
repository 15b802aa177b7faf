package studio.tandem.autonomy.loop;

import studio.tandem.autonomy.arbitration.Authority;
import studio.tandem.autonomy.arbitration.JointGroup;
import studio.tandem.autonomy.arbitration.Mode;

/**
 * Something that happened at one tick and is recorded with the episode. Events are rare (a handful
 * per episode); each is created on the control thread when it happens, never per tick.
 */
public sealed interface LoopEvent {

    /** Index of the tick the event belongs to (0-based since the loop started). */
    long tick();

    /** Loop time of that tick, nanoseconds of the process clock. */
    long nanos();

    /** Short machine name, e.g. {@code intervention_start}, as stored in the dataset's event list. */
    String kind();

    record InterventionStarted(long tick, long nanos) implements LoopEvent {
        @Override
        public String kind() {
            return "intervention_start";
        }
    }

    record InterventionEnded(long tick, long nanos) implements LoopEvent {
        @Override
        public String kind() {
            return "intervention_end";
        }
    }

    record AuthorityChanged(long tick, long nanos, JointGroup group, Authority from, Authority to)
            implements LoopEvent {
        @Override
        public String kind() {
            return "authority_change";
        }
    }

    record ModeChanged(long tick, long nanos, Mode from, Mode to) implements LoopEvent {
        @Override
        public String kind() {
            return "mode_change";
        }
    }

    /** A language correction: {@code text} is the task string from this tick on. */
    record InstructionCorrected(long tick, long nanos, String text) implements LoopEvent {
        @Override
        public String kind() {
            return "language_correction";
        }
    }

    /** The safety filter started holding or limiting; {@code flags} are {@code SafetyFlags} bits. */
    record SafetyAlert(long tick, long nanos, int flags) implements LoopEvent {
        @Override
        public String kind() {
            return "safety_alert";
        }
    }

    /** The failure score crossed its threshold; {@code paused} when the policy was paused for it. */
    record FailureAlert(long tick, long nanos, double score, boolean paused) implements LoopEvent {
        @Override
        public String kind() {
            return "failure_alert";
        }
    }

    /** The operator resumed a paused policy. */
    record PolicyResumed(long tick, long nanos) implements LoopEvent {
        @Override
        public String kind() {
            return "policy_resumed";
        }
    }
}
