package studio.tandem.teleop.input;

import studio.tandem.teleop.device.Device;

/**
 * An operator input device (VR controllers, SpaceMouse, keyboard/gamepad, a replayed stream). It runs
 * its own thread and publishes latest-value samples; the control loop only copies them out and never
 * waits for it. {@code activate()} is a no-op for input devices beyond the state change.
 */
public interface OperatorDevice extends Device {

    /** Number of pose channels: 1 for a SpaceMouse or keyboard, 2 (left, right) for VR controllers. */
    int poseChannels();

    /** Name of a channel, e.g. {@code left} or {@code tool}. */
    String channelName(int channel);

    /**
     * Copies the latest sample of a channel into {@code dst}. Any thread; never blocks on the device.
     *
     * @return false if the channel has never published
     */
    boolean readPose(int channel, PoseSample dst);

    /**
     * Copies the latest tracked-hand sample into {@code dst}; false if the device has no hand tracking
     * or never published one for that side.
     */
    default boolean readHand(Side side, HandJointsSample dst) {
        return false;
    }

    /** Samples or events this device could not use (malformed reports, unknown packets), counted, never dropped silently. */
    default long droppedCount() {
        return 0;
    }
}
