package studio.tandem.teleop.retarget;

import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.input.HandJointsSample;
import studio.tandem.teleop.input.OperatorDevice;
import studio.tandem.teleop.input.Side;

/**
 * Drives a robot hand from a tracked human hand, once per control tick: latest hand sample →
 * dropout check (silent longer than the limit, hand not tracked, device faulted) → fingertip-vector
 * retargeting. On any dropout the joint targets stay where they are (the hand holds) and the reason
 * is returned. Control thread; allocation-free.
 */
public final class HandFollower {
    private final OperatorDevice device;
    private final Side side;
    private final HandRetargeter retargeter;
    private final long dropoutNanos;
    private final HandJointsSample sample = new HandJointsSample();
    private HoldReason last = HoldReason.NEVER_REPORTED;

    public HandFollower(OperatorDevice device, Side side, HandRetargeter retargeter, long dropoutNanos) {
        this.device = device;
        this.side = side;
        this.retargeter = retargeter;
        this.dropoutNanos = dropoutNanos;
    }

    /**
     * Updates {@code q} (rad, warm start in, solution out) from the latest hand sample.
     *
     * @return {@link HoldReason#NONE} when following, else why the hand holds ({@code q} unchanged)
     */
    public HoldReason tick(long nowNanos, double[] q) {
        DeviceState st = device.state();
        if (st == DeviceState.FAULT) {
            last = HoldReason.DEVICE_FAULT;
        } else if (st == DeviceState.DISCONNECTED) {
            last = HoldReason.DISCONNECTED;
        } else if (!device.readHand(side, sample)) {
            last = HoldReason.NEVER_REPORTED;
        } else if (nowNanos - sample.captureNanos() > dropoutNanos) {
            last = HoldReason.STALE;
        } else if (!retargeter.retarget(sample, q)) {
            last = HoldReason.TRACKING_LOST;
        } else {
            last = HoldReason.NONE;
        }
        return last;
    }

    public HoldReason lastReason() {
        return last;
    }

    /** Sum of squared fingertip errors (m²) of the last solution. */
    public double lastError() {
        return retargeter.lastError();
    }
}
