package studio.tandem.teleop.script;

/**
 * One step of a scripted operator, in the style of WPILib commands: {@code start} once, {@code step}
 * every control tick until {@code isDone}, then {@code end(interrupted)}. Steps return quickly (no sleep,
 * no waiting loops); time is passed in (station clock, ns). Called from one thread (the control thread).
 */
public interface Step {

    String name();

    void start(long nowNanos);

    void step(long nowNanos);

    boolean isDone();

    void end(boolean interrupted);

    /** This step, interrupted after {@code nanos}; the timeout is reported by {@link Timeout#timedOut()}. */
    default Timeout withTimeout(long nanos) {
        return new Timeout(this, nanos);
    }

    /** This step, then {@code next}. */
    default Sequence then(Step next) {
        return new Sequence(name() + "+" + next.name(), this, next);
    }
}
