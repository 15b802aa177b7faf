package studio.tandem.teleop.device;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The skeleton of a driver's I/O thread: runs {@link #body()} once, turns an {@link IOException} into
 * {@link #linkFailed}, and offers fixed-rate pacing ({@link #runAtRate}), a bounded {@link #stopThread} and a
 * {@link #fault} that enters FAULT once (logging the reason) and closes the link. The body runs on the I/O
 * thread; stop and fault may be called from any thread. Allocates nothing per cycle.
 */
public abstract class IoLoop implements Runnable {
    /** Lifecycle of the driver this loop serves. */
    protected final DeviceLifecycle life;
    private final Logger log = LoggerFactory.getLogger(getClass());
    private volatile boolean running = true;
    private volatile Thread thread;

    protected IoLoop(DeviceLifecycle life) {
        this.life = life;
    }

    @Override
    public final void run() {
        thread = Thread.currentThread();
        try {
            body();
        } catch (IOException e) {
            linkFailed(e);
        } finally {
            thread = null;
        }
    }

    /** The thread's work; returns when the loop ends. I/O thread. */
    protected abstract void body() throws IOException;

    /** The link failed with {@code e} during {@link #body()} (also after a stop closed it). I/O thread. */
    protected abstract void linkFailed(IOException e);

    /** Closes the link; never throws (called again is harmless). Any thread. */
    protected abstract void closeLink();

    /** One cycle of {@link #runAtRate}: false ends the loop (after a fault). I/O thread. */
    protected boolean cycle() throws IOException {
        return false;
    }

    /** Extra condition for {@link #runAtRate} to go on (e.g. the link is open). Default: true. */
    protected boolean linkUp() {
        return true;
    }

    /**
     * Runs {@link #cycle()} every {@code 1 / rateHz} s (fixed rate; after an overrun it starts afresh) while
     * running and {@link #linkUp()}, until a cycle returns false. I/O thread; allocation-free.
     */
    protected final void runAtRate(int rateHz) throws IOException {
        long period = 1_000_000_000L / rateHz;
        long next = System.nanoTime();
        while (running && linkUp()) {
            if (!cycle()) {
                return;
            }
            next += period;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime();
            }
        }
    }

    /** True until a stop or a fault. Any thread. */
    public final boolean running() {
        return running;
    }

    /**
     * Asks the loop to end; when {@code closeFirst}, closes the link first (to wake a thread blocked in a
     * read); then waits for the thread at most {@code joinMillis} ms. Application thread.
     */
    public final void stopThread(boolean closeFirst, long joinMillis) {
        running = false;
        if (closeFirst) {
            closeLink();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(joinMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Enters FAULT with {@code reason} (logged once) unless the loop was stopped, then ends the loop and closes
     * the link. Any thread.
     */
    public final void fault(String reason) {
        if (running && life.fault(reason)) {
            log.warn("{}: {}", life.id(), reason);
        }
        running = false;
        closeLink();
    }
}
