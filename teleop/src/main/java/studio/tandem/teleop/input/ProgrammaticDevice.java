package studio.tandem.teleop.input;

import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceState;

/**
 * An operator device driven by code: scripted operators, tests and benchmarks publish samples
 * through the same slots (and the same retargeting path) as a human's device. The thread that calls
 * {@link #publish} is the device's single writer.
 */
public final class ProgrammaticDevice extends AbstractOperatorDevice {

    public ProgrammaticDevice(String id, NanoClock clock, String... channels) {
        super(id, clock, true, channels.length == 0 ? new String[] {"tool"} : channels);
    }

    @Override
    public void connect() {
        if (state() == DeviceState.DISCONNECTED || state() == DeviceState.FAULT) {
            setState(DeviceState.CONNECTED);
        }
    }

    /** Publishes a pose sample on a channel; if its capture time is 0 it is stamped with the clock. */
    public void publish(int channel, PoseSample sample) {
        if (sample.captureNanos() == 0) {
            sample.setCaptureNanos(clock.nanoTime());
        }
        publishPose(channel, sample);
    }

    /** Publishes a hand-tracking sample. */
    public void publish(Side side, HandJointsSample sample) {
        publishHand(side, sample);
    }

    /** Simulates an unplug or fault with a reason. */
    public void simulateFault(String reason) {
        fault(reason);
    }

    @Override
    public void close() {
        setState(DeviceState.DISCONNECTED);
    }
}
