package studio.tandem.teleop.retarget;

import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.input.PoseSample;

/**
 * Decides whether a device sample may drive the arm: a device that has not reported for longer than
 * the limit (default 100 ms), lost tracking, faulted (e.g. unplugged) or disconnected makes the arm
 * hold. Control thread; allocation-free. Counts every hold it triggers.
 */
public final class DropoutWatchdog {
    public static final long DEFAULT_LIMIT_NANOS = 100_000_000L;

    private final long limitNanos;
    private long holds;
    private HoldReason last = HoldReason.NONE;

    public DropoutWatchdog(long limitNanos) {
        if (limitNanos <= 0) {
            throw new IllegalArgumentException("dropout limit must be > 0 ns, was " + limitNanos);
        }
        this.limitNanos = limitNanos;
    }

    public DropoutWatchdog() {
        this(DEFAULT_LIMIT_NANOS);
    }

    /**
     * @param present whether the device ever published on this channel
     * @param nowNanos the loop's current time from the same clock that stamped the sample
     */
    public HoldReason check(DeviceState state, boolean present, PoseSample sample, long nowNanos) {
        HoldReason r;
        if (state == DeviceState.FAULT) {
            r = HoldReason.DEVICE_FAULT;
        } else if (state == DeviceState.DISCONNECTED) {
            r = HoldReason.DISCONNECTED;
        } else if (!present) {
            r = HoldReason.NEVER_REPORTED;
        } else if (nowNanos - sample.captureNanos() > limitNanos) {
            r = HoldReason.STALE;
        } else if (!sample.trackingValid()) {
            r = HoldReason.TRACKING_LOST;
        } else if (!finite(sample)) {
            r = HoldReason.INVALID_INPUT;
        } else {
            r = HoldReason.NONE;
        }
        if (r != HoldReason.NONE && last == HoldReason.NONE) {
            holds++;
        }
        last = r;
        return r;
    }

    private static boolean finite(PoseSample s) {
        return Double.isFinite(s.px() + s.py() + s.pz() + s.qx() + s.qy() + s.qz() + s.qw()
                + s.trigger() + s.squeeze());
    }

    /** How many times the watchdog went from "ok" to a hold. */
    public long holdCount() {
        return holds;
    }

    public long limitNanos() {
        return limitNanos;
    }
}
