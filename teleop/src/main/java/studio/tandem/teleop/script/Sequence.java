package studio.tandem.teleop.script;

import java.util.List;

/** Runs steps one after another; done when the last one is. Exposes which step runs, for logs and UI. */
public final class Sequence implements Step {
    private final String name;
    private final List<Step> steps;
    private int current;
    private boolean started;

    public Sequence(String name, Step... steps) {
        this.name = name;
        this.steps = List.of(steps);
    }

    @Override
    public String name() {
        return name;
    }

    /** Name of the running step, or "done". */
    public String currentName() {
        return current < steps.size() ? steps.get(current).name() : "done";
    }

    @Override
    public void start(long nowNanos) {
        current = 0;
        started = false;
        startCurrent(nowNanos);
    }

    private void startCurrent(long now) {
        if (current < steps.size()) {
            steps.get(current).start(now);
            started = true;
        }
    }

    @Override
    public void step(long nowNanos) {
        if (current >= steps.size()) {
            return;
        }
        Step s = steps.get(current);
        s.step(nowNanos);
        if (s.isDone()) {
            s.end(false);
            started = false;
            current++;
            startCurrent(nowNanos);
        }
    }

    @Override
    public boolean isDone() {
        return current >= steps.size();
    }

    @Override
    public void end(boolean interrupted) {
        if (started && current < steps.size()) {
            steps.get(current).end(interrupted);
            started = false;
        }
    }
}
