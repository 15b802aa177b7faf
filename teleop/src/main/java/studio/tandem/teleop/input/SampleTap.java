package studio.tandem.teleop.input;

/**
 * Sees every sample a device publishes, on the device thread, right after it is published (used by
 * the stream recorder of {@code teleop.replay}). Implementations must be quick and must not keep the
 * sample instances, which are reused.
 */
public interface SampleTap {

    void onPose(int channel, PoseSample sample);

    default void onHand(Side side, HandJointsSample sample) {
    }
}
