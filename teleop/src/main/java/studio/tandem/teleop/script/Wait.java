package studio.tandem.teleop.script;

/** Does nothing for a while (the robot holds its last command). */
public final class Wait implements Step {
    private final long nanos;
    private long until;
    private boolean done;

    public Wait(long nanos) {
        this.nanos = nanos;
    }

    @Override
    public String name() {
        return "wait";
    }

    @Override
    public void start(long nowNanos) {
        until = nowNanos + nanos;
        done = false;
    }

    @Override
    public void step(long nowNanos) {
        done = nowNanos >= until;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public void end(boolean interrupted) {
        // nothing to release
    }
}
