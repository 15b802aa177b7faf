package studio.tandem.app.studio.common;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;

/**
 * The one {@link AnimationTimer} of a window: at every pulse it asks each registered
 * {@link Refreshable} to pull the latest snapshot and redraw if it changed. Nothing else in the
 * studio schedules per-sample work on the FX thread. FX thread only.
 */
public final class FrameTicker {
    private final List<Refreshable> targets = new ArrayList<>();
    private final AnimationTimer timer;
    private long pulses;

    /** Pulled once per screen frame on the FX thread. */
    @FunctionalInterface
    public interface Refreshable {
        /** @param nowNanos the pulse time ({@code System.nanoTime()} scale) */
        void refresh(long nowNanos);
    }

    public FrameTicker() {
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
            }
        };
    }

    /** Adds a target; it is refreshed from the next pulse on. */
    public void register(Refreshable r) {
        targets.add(r);
    }

    public void unregister(Refreshable r) {
        targets.remove(r);
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** Runs one pulse now (the timer calls this; tests may too). */
    public void pulse(long nowNanos) {
        pulses++;
        for (int i = 0; i < targets.size(); i++) {
            targets.get(i).refresh(nowNanos);
        }
    }

    /** Pulses so far. */
    public long pulses() {
        return pulses;
    }
}
