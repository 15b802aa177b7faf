package studio.tandem.app.studio.session;

import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.app.station.OperatorDeviceSetup;
import studio.tandem.teleop.device.DeviceException;

/**
 * Keeps the station file's operator device connected: a first attempt when the session starts, then
 * one every {@code periodMillis} on its own daemon thread while the device is not readable (absent at
 * start, or a device that does not reconnect by itself), so plugging it in later recovers. Devices
 * that reconnect on their own (a SpaceMouse that was connected once) see an idempotent
 * {@code connect()}. The last failure is kept for the station panel; each new reason is logged once.
 */
final class DeviceReconnect implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceReconnect.class);

    private final OperatorDeviceSetup setup;
    private final long periodNanos;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String lastError = "";
    private volatile long attempts;

    DeviceReconnect(OperatorDeviceSetup setup, long periodMillis) {
        this.setup = setup;
        this.periodNanos = periodMillis * 1_000_000L;
        this.thread = new Thread(this::run, "studio-reconnect-" + setup.type());
        thread.setDaemon(true);
    }

    /** Tries once now (blocks for the device's connect timeout at most), then keeps trying. Session start. */
    DeviceReconnect start() {
        if (setup.pad() != null) {
            setup.pad().start();
        }
        attempt();
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            LockSupport.parkNanos(periodNanos);
            if (running && !setup.device().state().readable()) {
                attempt();
            }
        }
    }

    private void attempt() {
        attempts++;
        try {
            setup.device().connect();
            setup.device().activate();
            if (!lastError.isEmpty()) {
                LOG.info("{} connected", setup.type());
            }
            lastError = "";
        } catch (DeviceException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (!why.equals(lastError)) {
                LOG.warn("{} not available: {} (retrying every {} ms)", setup.type(), why, periodNanos / 1_000_000L);
            }
            lastError = why;
        }
    }

    /** Why the last attempt failed, empty after a success. Any thread. */
    String lastError() {
        return lastError;
    }

    /** Connection attempts so far. Any thread. */
    long attempts() {
        return attempts;
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        setup.close();
    }
}
