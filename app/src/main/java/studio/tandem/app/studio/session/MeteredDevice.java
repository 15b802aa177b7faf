package studio.tandem.app.studio.session;

import studio.tandem.teleop.device.Device;
import studio.tandem.teleop.device.ForwardingDevice;

/**
 * A device as the control loop reads and commands it, counting the new states it delivers (distinct
 * state sequence numbers) so the station panel can show its state rate as the loop sees it, whatever
 * the driver. A device in FAULT is skipped instead of stopping the loop (its last state stays, commands
 * are not sent, both counted in {@link #held()}); the station panel shows its reason and Restart station
 * reconnects it. Everything else is forwarded to the device. Subclasses call {@link #readable()}/
 * {@link #commandable()}/{@link #delivered(long)} on the control thread, allocation-free.
 *
 * @param <D> the wrapped device's interface
 */
abstract class MeteredDevice<D extends Device> extends ForwardingDevice<D> {
    private long lastSequence = Long.MIN_VALUE;
    private volatile long states;
    private volatile long held;

    MeteredDevice(D device) {
        super(device);
    }

    /** Whether a read may go to the device now; counts a held read when not (FAULT). Control thread. */
    protected final boolean readable() {
        if (device.state().readable()) {
            return true;
        }
        held++;
        return false;
    }

    /** Whether a command may go to the device now; counts a held command when not. Control thread. */
    protected final boolean commandable() {
        if (device.state().commandable()) {
            return true;
        }
        held++;
        return false;
    }

    /** The device faulted during the call (it threw IllegalStateException): counted as held. */
    protected final void faultedJustNow() {
        held++;
    }

    /** Counts the state just read as new when its sequence number differs from the last. Control thread. */
    protected final void delivered(long sequence) {
        if (sequence != lastSequence) {
            lastSequence = sequence;
            states++;
        }
    }

    /** New states the loop has read so far. Any thread. */
    final long states() {
        return states;
    }

    /** Reads and commands skipped because the device was not readable or not active (FAULT). Any thread. */
    final long held() {
        return held;
    }
}
