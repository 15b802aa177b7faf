package studio.tandem.app.studio.session;

import studio.tandem.teleop.device.ForwardingDevice;
import studio.tandem.teleop.input.HandJointsSample;
import studio.tandem.teleop.input.OperatorDevice;
import studio.tandem.teleop.input.PoseSample;
import studio.tandem.teleop.input.Side;
import studio.tandem.teleop.keyboard.KeyboardDevice;

/**
 * An operator device seen through the keyboard's clutch: while the keyboard's clutch toggle (SPACE) is
 * off, its samples read as clutch released, so the retargeter re-anchors instead of jumping when it
 * comes back on; the keyboard's e-stop reads as the device's e-stop button. Everything else is the
 * device's own. Lifecycle calls go to the device. {@link #readPose} from the control thread;
 * allocation-free.
 */
final class KeyboardClutch extends ForwardingDevice<OperatorDevice> implements OperatorDevice {
    private final KeyboardDevice keyboard;

    KeyboardClutch(OperatorDevice device, KeyboardDevice keyboard) {
        super(device);
        this.keyboard = keyboard;
    }

    @Override
    public boolean readPose(int channel, PoseSample dst) {
        if (!device.readPose(channel, dst)) {
            return false;
        }
        long b = dst.buttons();
        if (!keyboard.following()) {
            b &= ~(1L << PoseSample.BUTTON_CLUTCH);
        }
        if (keyboard.estopLatched()) {
            b |= 1L << PoseSample.BUTTON_ESTOP;
        }
        dst.setButtons(b);
        return true;
    }

    @Override
    public boolean readHand(Side side, HandJointsSample dst) {
        return device.readHand(side, dst);
    }

    @Override
    public int poseChannels() {
        return device.poseChannels();
    }

    @Override
    public String channelName(int channel) {
        return device.channelName(channel);
    }

    @Override
    public long droppedCount() {
        return device.droppedCount();
    }
}
