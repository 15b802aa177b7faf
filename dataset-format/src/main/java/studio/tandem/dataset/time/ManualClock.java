package studio.tandem.dataset.time;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to: for tests and deterministic simulation. Thread-safe. */
public final class ManualClock implements NanoClock {
    private final AtomicLong now;

    public ManualClock(long startNanos) {
        now = new AtomicLong(startNanos);
    }

    @Override
    public long nanoTime() {
        return now.get();
    }

    public void advanceNanos(long nanos) {
        now.addAndGet(nanos);
    }

    public void set(long nanos) {
        now.set(nanos);
    }
}
