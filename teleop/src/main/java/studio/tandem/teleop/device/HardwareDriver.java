package studio.tandem.teleop.device;

import java.util.concurrent.ThreadFactory;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.teleop.sim.SeqLockBuffer;

/**
 * The lifecycle skeleton every real-hardware driver shares: id, state, fault reason and feature sets, and
 * connect / activate / deactivate / close with hooks for what is driver-specific. Each lifecycle call runs on
 * the application thread under the driver's lock; the hooks run inside it. The I/O thread a connect starts is
 * made by the injected {@link ThreadFactory}. Targets for that thread go through {@link #publishTarget}.
 */
public abstract class HardwareDriver implements Device {
    /** Lifecycle state shared with the driver's I/O thread. */
    protected final DeviceLifecycle life;
    private final ThreadFactory threads;
    private final FeatureSet observation;
    private final FeatureSet action;
    /** Serialises writers of a target slot (the control thread, and activate() before ACTIVE). */
    private final Object targetLock = new Object();

    /** Does no I/O. */
    protected HardwareDriver(String id, ThreadFactory threads, FeatureSet observation, FeatureSet action) {
        this.life = new DeviceLifecycle(id);
        this.threads = threads;
        this.observation = observation;
        this.action = action;
    }

    /** A factory of daemon threads named {@code name} at {@code priority} (see {@link Thread#setPriority}). */
    public static ThreadFactory daemonThreads(String name, int priority) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.setPriority(priority);
            return t;
        };
    }

    @Override
    public final String id() {
        return life.id();
    }

    @Override
    public final DeviceState state() {
        return life.state();
    }

    @Override
    public final String faultReason() {
        return life.faultReason();
    }

    @Override
    public final FeatureSet observationFeatures() {
        return observation;
    }

    @Override
    public final FeatureSet actionFeatures() {
        return action;
    }

    /**
     * Does nothing when states are readable; otherwise stops what a previous connection left
     * ({@link #stopIo stopIo(false)}), opens the link ({@link #openIo}), enters CONNECTED and starts the I/O
     * thread on the body {@code openIo} returned. From FAULT, reconnects. Application thread.
     */
    @Override
    public final synchronized void connect() throws DeviceException {
        if (life.state().readable()) {
            return;
        }
        stopIo(false);
        Runnable body = openIo();
        life.set(DeviceState.CONNECTED);
        threads.newThread(body).start();
    }

    /**
     * ACTIVE: returns at once. Not CONNECTED: throws naming the state (and fault). Otherwise runs
     * {@link #prepareActive()} (hold the measured posture...) and enters ACTIVE unless a fault came meanwhile.
     * Application thread.
     */
    @Override
    public synchronized void activate() throws DeviceException {
        if (life.state() == DeviceState.ACTIVE) {
            return;
        }
        requireConnected();
        prepareActive();
        if (!life.transition(DeviceState.CONNECTED, DeviceState.ACTIVE)) {
            throw new DeviceException(id() + ": activation interrupted: " + life.faultReason());
        }
    }

    /** ACTIVE → CONNECTED, then {@link #afterDeactivate()}; otherwise nothing. Idempotent. */
    @Override
    public final synchronized void deactivate() {
        if (life.transition(DeviceState.ACTIVE, DeviceState.CONNECTED)) {
            afterDeactivate();
        }
    }

    /** Runs {@link #beforeClose()}, stops the I/O ({@code stopIo(true)}), then DISCONNECTED. Idempotent. */
    @Override
    public final synchronized void close() {
        beforeClose();
        stopIo(true);
        life.set(DeviceState.DISCONNECTED);
    }

    /** @throws DeviceException "cannot activate while STATE (reason)" unless CONNECTED */
    protected final void requireConnected() throws DeviceException {
        if (life.state() != DeviceState.CONNECTED) {
            throw new DeviceException(id() + ": cannot activate while " + life.state()
                    + (life.faultReason().isEmpty() ? "" : " (" + life.faultReason() + ")"));
        }
    }

    /**
     * Opens the link, checks the device answers and builds the I/O loop; on failure closes what it opened.
     *
     * @return the I/O thread's body, started right after the driver enters CONNECTED
     * @throws DeviceException naming the address / port and what failed
     */
    protected abstract Runnable openIo() throws DeviceException;

    /**
     * Stops the I/O thread and closes the link of the current connection, if any. Never throws.
     *
     * @param closing true from {@link #close()}, false before a (re)connect
     */
    protected abstract void stopIo(boolean closing);

    /** Makes the device ready for commands (still CONNECTED). Default: nothing. */
    protected void prepareActive() throws DeviceException {
    }

    /** After ACTIVE → CONNECTED. Default: nothing. */
    protected void afterDeactivate() {
    }

    /** At close, before {@link #stopIo}. Default: nothing. Never throws. */
    protected void beforeClose() {
    }

    /** Publishes a target to the I/O thread; one writer at a time. Allocation-free. */
    protected final void publishTarget(SeqLockBuffer slot, double[] values) {
        synchronized (targetLock) {
            slot.write(values);
        }
    }
}
