package studio.tandem.teleop.device;

import java.util.concurrent.locks.LockSupport;

/**
 * The one thread of an operator device: started once by {@code connect()}, its body polls
 * {@link #running()} and returns when it turns false; {@link #stop} wakes it and waits a bounded time.
 * Start and stop from any thread; {@link #running()} from any thread.
 */
public final class DeviceThread {
    private volatile boolean running;
    private Thread thread;

    /**
     * Starts a daemon thread named {@code name} running {@code body}.
     *
     * @return false (and nothing started) when the thread is already running
     */
    public synchronized boolean start(String name, Runnable body) {
        if (running) {
            return false;
        }
        running = true;
        thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    /** True from {@link #start} until a stop is requested. */
    public boolean running() {
        return running;
    }

    /** Asks the body to return at its next check, without waiting (e.g. from the thread itself). */
    public void requestStop() {
        running = false;
    }

    /**
     * Stops the thread: clears {@link #running()}, unparks it (and interrupts it when {@code interrupt}, for
     * bodies blocked in interruptible I/O or sleeps) and waits for it at most {@code joinMillis} ms.
     */
    public void stop(boolean interrupt, long joinMillis) {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t == null) {
            return;
        }
        LockSupport.unpark(t);
        if (interrupt) {
            t.interrupt();
        }
        try {
            t.join(joinMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
