package studio.tandem.app.studio.session;

import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.robot.Hand;
import studio.tandem.teleop.robot.HandCommand;
import studio.tandem.teleop.robot.HandState;

/**
 * A hand or gripper as the control loop reads it, counting the new states it delivers (distinct state sequence
 * numbers) so the station panel can show its state rate as the loop sees it, whatever the
 * driver. Everything else is the hand's own. {@link #read}/{@link #send} on the control thread,
 * allocation-free; {@link #states()} from any thread.
 */
final class MeteredHand implements Hand {
    private final Hand hand;
    private long lastSequence = Long.MIN_VALUE;
    private volatile long states;

    MeteredHand(Hand hand) {
        this.hand = hand;
    }

    @Override
    public void read(HandState out) {
        hand.read(out);
        if (out.sequence() != lastSequence) {
            lastSequence = out.sequence();
            states++;
        }
    }

    /** New states the loop has read so far. Any thread. */
    long states() {
        return states;
    }

    @Override
    public void send(HandCommand command, HandCommand applied) {
        hand.send(command, applied);
    }

    @Override
    public HandSpec spec() {
        return hand.spec();
    }

    @Override
    public java.util.Optional<studio.tandem.teleop.robot.HandKinematics> kinematics() {
        return hand.kinematics();
    }

    @Override
    public String id() {
        return hand.id();
    }

    @Override
    public DeviceState state() {
        return hand.state();
    }

    @Override
    public String faultReason() {
        return hand.faultReason();
    }

    @Override
    public void connect() throws DeviceException {
        hand.connect();
    }

    @Override
    public void activate() throws DeviceException {
        hand.activate();
    }

    @Override
    public void deactivate() {
        hand.deactivate();
    }

    @Override
    public FeatureSet observationFeatures() {
        return hand.observationFeatures();
    }

    @Override
    public FeatureSet actionFeatures() {
        return hand.actionFeatures();
    }

    @Override
    public void close() {
        hand.close();
    }
}
