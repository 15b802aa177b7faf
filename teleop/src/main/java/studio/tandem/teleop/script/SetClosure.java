package studio.tandem.teleop.script;

/** Ramps the hand closure (0 open … 1 closed) linearly to a value over a duration. */
public final class SetClosure implements Step {
    private final String name;
    private final OperatorIo io;
    private final double closure;
    private final long durationNanos;
    private double from;
    private long startNanos;
    private boolean done;

    public SetClosure(String name, OperatorIo io, double closure, long durationNanos) {
        this.name = name;
        this.io = io;
        this.closure = closure;
        this.durationNanos = Math.max(1, durationNanos);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(long nowNanos) {
        from = io.closure();
        startNanos = nowNanos;
        done = false;
    }

    @Override
    public void step(long nowNanos) {
        double s = Math.min(1, (nowNanos - startNanos) / (double) durationNanos);
        io.sendClosure(from + s * (closure - from), nowNanos);
        done = s >= 1;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public void end(boolean interrupted) {
        // The hand holds the last commanded closure.
    }
}
