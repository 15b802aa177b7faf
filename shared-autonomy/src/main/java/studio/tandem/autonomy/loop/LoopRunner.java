package studio.tandem.autonomy.loop;

import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.dataset.time.NanoClock;

/**
 * Runs a {@link ControlLoop} at its fixed rate on one dedicated thread: park until shortly before
 * the deadline, then spin the last {@code spinNanos}. Deadlines advance by whole periods; after a
 * stall longer than a period the schedule restarts from now and the skipped ticks are counted.
 * Pacing is deadline-based: each wait targets an absolute deadline, so a park that overshoots is
 * absorbed by the spin and never shifts later ticks. With {@link #requestRealtime}, the thread first
 * raises its own OS scheduling class ({@link ThreadScheduling}); the outcome is {@link #scheduling()}.
 */
public final class LoopRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LoopRunner.class);

    private final ControlLoop loop;
    private final NanoClock clock;
    private final long periodNanos;
    private final long spinNanos;
    private final Thread thread;
    private volatile boolean running;
    private volatile long skipped;
    private volatile Throwable failure;
    private volatile boolean realtime;
    private volatile ThreadScheduling.Outcome scheduling;

    /**
     * @param clock must be a real clock ({@link NanoClock#SYSTEM}); tests drive {@link ControlLoop#tick()} instead
     * @param spinNanos how long before each deadline to stop parking and spin (e.g. 200 µs)
     */
    public LoopRunner(ControlLoop loop, NanoClock clock, long spinNanos) {
        this.loop = loop;
        this.clock = clock;
        this.periodNanos = loop.config().periodNanos();
        this.spinNanos = spinNanos;
        this.thread = new Thread(this::run, "tandem-control");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    /**
     * Asks the loop thread to raise its OS scheduling class (SCHED_FIFO 10, else nice -10) before its
     * first tick. Call before {@link #start()}.
     */
    public LoopRunner requestRealtime() {
        if (thread.isAlive()) {
            throw new IllegalStateException("requestRealtime must be called before start");
        }
        realtime = true;
        return this;
    }

    /** How the loop thread is scheduled; null until the thread has started (and raised itself, if asked). */
    public ThreadScheduling.Outcome scheduling() {
        return scheduling;
    }

    public void start() {
        running = true;
        thread.start();
    }

    private void run() {
        ThreadScheduling.Outcome outcome = realtime ? ThreadScheduling.raiseCurrentThread(10, -10)
                : new ThreadScheduling.Outcome("normal", 0, "not requested");
        if (realtime) {
            LOG.info("control loop thread scheduling: {}", outcome);
        }
        scheduling = outcome;
        long next = clock.nanoTime();
        try {
            while (running) {
                loop.tick();
                next += periodNanos;
                long now = clock.nanoTime();
                if (now - next > periodNanos) {
                    skipped += (now - next) / periodNanos;
                    next = now;
                    continue;
                }
                waitUntil(next);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("control loop stopped: {}", e.toString(), e);
        }
    }

    private void waitUntil(long deadline) {
        long remaining = deadline - clock.nanoTime();
        if (remaining > spinNanos) {
            LockSupport.parkNanos(remaining - spinNanos);
        }
        while (clock.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
    }

    /** Ticks skipped because the loop fell more than a period behind. */
    public long skippedTicks() {
        return skipped;
    }

    /** What stopped the loop thread, or null. */
    public Throwable failure() {
        return failure;
    }

    public boolean isRunning() {
        return running && thread.isAlive();
    }

    /** Stops the thread and waits for it (up to 1 s). */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
