package studio.tandem.dataset.time;

/**
 * The one monotonic clock of the process. Every sample is stamped with it where it is captured.
 * Injected everywhere (tests pass a {@link ManualClock}); never a static call in logic.
 */
@FunctionalInterface
public interface NanoClock {

    /** Monotonic nanoseconds; only differences are meaningful. Any thread. */
    long nanoTime();

    /** The process clock ({@link System#nanoTime()}). */
    NanoClock SYSTEM = System::nanoTime;
}
