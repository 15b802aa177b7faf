package studio.tandem.teleop.openxr;

/**
 * The OpenXR session lifecycle, without any runtime calls: fed with {@code XrSessionState} values
 * from {@code XrEventDataSessionStateChanged}, it says what the caller must do (begin, end, or tear
 * down the session) and whether actions and poses may be read. Device thread; allocation-free.
 */
public final class XrSessionStateMachine {

    /** {@code XrSessionState}, with the specification's numeric values as ordinals. */
    public enum State { UNKNOWN, IDLE, READY, SYNCHRONIZED, VISIBLE, FOCUSED, STOPPING, LOSS_PENDING, EXITING;

        /** The state for an {@code XrSessionState} value; UNKNOWN for anything unexpected. */
        public static State of(int xrValue) {
            return xrValue >= 0 && xrValue < values().length ? values()[xrValue] : UNKNOWN;
        }
    }

    /** What the caller must do after a state change. */
    public enum Action {
        NONE,
        /** Call xrBeginSession (state READY). */
        BEGIN,
        /** Call xrEndSession (state STOPPING). */
        END,
        /** Destroy the session (EXITING) and stop. */
        EXIT,
        /** Destroy session and instance and reconnect later (LOSS_PENDING: e.g. the runtime quit). */
        RECREATE
    }

    private State state = State.UNKNOWN;
    private boolean running;
    private long transitions;

    /** Applies a state change and returns the caller's duty. */
    public Action onStateChanged(int xrValue) {
        State next = State.of(xrValue);
        transitions++;
        state = next;
        switch (next) {
            case READY:
                if (!running) {
                    running = true;
                    return Action.BEGIN;
                }
                return Action.NONE;
            case STOPPING:
                if (running) {
                    running = false;
                    return Action.END;
                }
                return Action.NONE;
            case EXITING:
                running = false;
                return Action.EXIT;
            case LOSS_PENDING:
                running = false;
                return Action.RECREATE;
            default:
                return Action.NONE;
        }
    }

    public State state() {
        return state;
    }

    /** Between a successful begin and the end: frames may be waited on and spaces located. */
    public boolean running() {
        return running;
    }

    /** Input actions are only delivered to a focused session. */
    public boolean inputActive() {
        return running && state == State.FOCUSED;
    }

    /** Poses are meaningful while synchronized, visible or focused. */
    public boolean posesAvailable() {
        return running && (state == State.SYNCHRONIZED || state == State.VISIBLE || state == State.FOCUSED);
    }

    public long transitions() {
        return transitions;
    }
}
