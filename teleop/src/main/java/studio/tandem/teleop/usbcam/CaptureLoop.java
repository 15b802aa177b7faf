package studio.tandem.teleop.usbcam;

import java.io.IOException;
import studio.tandem.teleop.device.DeviceState;

/** The capture thread of a {@link UsbCamera}: grab, stamp, publish; on loss, FAULT and reopen. */
final class CaptureLoop implements Runnable {
    private final UsbCamera camera;
    private final UsbCameraConfig cfg;
    private final FrameSource source;
    private final long periodMicros;
    private volatile boolean running = true;
    private volatile Thread thread;
    private volatile long captured;
    private volatile long late;
    private volatile long dropped;
    private volatile long reconnects;
    private long sequence;
    private long lastDeviceMicros = -1;

    CaptureLoop(UsbCamera camera, FrameSource source) {
        this.camera = camera;
        this.cfg = camera.config();
        this.source = source;
        this.periodMicros = Math.round(1e6 / cfg.fps());
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            while (running) {
                long ts;
                try {
                    ts = source.grab(camera.backBuffer().rgb());
                } catch (IOException e) {
                    if (!running || !recover(e)) {
                        return;
                    }
                    continue;
                }
                long now = camera.clock().nanoTime();
                account(ts);
                camera.publish(now, ++sequence);
                captured++;
            }
        } finally {
            source.close();
            thread = null;
        }
    }

    private void account(long deviceMicros) {
        if (deviceMicros >= 0 && lastDeviceMicros >= 0) {
            long gap = deviceMicros - lastDeviceMicros;
            if (gap * 2 > periodMicros * 3) {
                late++;
                dropped += Math.max(0, Math.round((double) gap / periodMicros) - 1);
            }
        }
        lastDeviceMicros = deviceMicros;
    }

    /** FAULT with the reason, then reopen every reconnectMs. Returns false when the loop must end. */
    private boolean recover(IOException e) {
        DeviceState before = camera.life().state();
        String reason = e.getMessage() + (cfg.reconnectMs() > 0 ? "; reconnecting every " + cfg.reconnectMs() + " ms"
                : "");
        if (camera.life().fault(reason)) {
            UsbCamera.log(cfg.id(), reason);
        }
        source.close();
        lastDeviceMicros = -1;
        while (running && cfg.reconnectMs() > 0) {
            try {
                Thread.sleep(cfg.reconnectMs());
            } catch (InterruptedException ie) {
                return false;
            }
            try {
                FrameSource.Negotiated n = source.open();
                if (!running) {
                    return false;
                }
                camera.reopened(n);
                reconnects++;
                camera.life().transition(DeviceState.FAULT,
                        before == DeviceState.ACTIVE ? DeviceState.ACTIVE : DeviceState.CONNECTED);
                return true;
            } catch (IOException again) {
                source.close();
            }
        }
        return false;
    }

    long captured() {
        return captured;
    }

    long late() {
        return late;
    }

    long dropped() {
        return dropped;
    }

    long reconnects() {
        return reconnects;
    }

    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
