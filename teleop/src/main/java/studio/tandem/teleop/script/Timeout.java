package studio.tandem.teleop.script;

/** Ends the wrapped step after a time limit, interrupting it. */
public final class Timeout implements Step {
    private final Step inner;
    private final long limitNanos;
    private long deadline;
    private boolean timedOut;

    public Timeout(Step inner, long limitNanos) {
        this.inner = inner;
        this.limitNanos = limitNanos;
    }

    @Override
    public String name() {
        return inner.name() + ".withTimeout";
    }

    @Override
    public void start(long nowNanos) {
        deadline = nowNanos + limitNanos;
        timedOut = false;
        inner.start(nowNanos);
    }

    @Override
    public void step(long nowNanos) {
        if (nowNanos >= deadline) {
            timedOut = true;
            return;
        }
        inner.step(nowNanos);
    }

    @Override
    public boolean isDone() {
        return timedOut || inner.isDone();
    }

    @Override
    public void end(boolean interrupted) {
        inner.end(interrupted || timedOut);
    }

    public boolean timedOut() {
        return timedOut;
    }
}
