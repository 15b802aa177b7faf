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
 * driver. A device in FAULT is skipped instead of stopping the loop (its last state stays, commands are
 * not sent, both counted in {@link #held()}); the station panel shows its reason and Restart station
 * reconnects it. Everything else is the hand's own. {@link #read}/{@link #send} on the control thread,
 * allocation-free; {@link #states()} from any thread.
 */
final class MeteredHand implements Hand {
    private final Hand hand;
    private long lastSequence = Long.MIN_VALUE;
    private volatile long states;
    private volatile long held;

    MeteredHand(Hand hand) {
        this.hand = hand;
    }

    @Override
    public void read(HandState out) {
        if (!hand.state().readable()) {
            held++;
            return; // FAULT: the loop keeps the last state instead of stopping; the panel shows the reason
        }
        try {
            hand.read(out);
        } catch (IllegalStateException faultedJustNow) {
            held++;
            return;
        }
        if (out.sequence() != lastSequence) {
            lastSequence = out.sequence();
            states++;
        }
    }

    /** New states the loop has read so far. Any thread. */
    long states() {
        return states;
    }

    /** Reads and commands skipped because the device was not readable or not active (FAULT). Any thread. */
    long held() {
        return held;
    }

    @Override
    public void send(HandCommand command, HandCommand applied) {
        if (!hand.state().commandable()) {
            held++;
            return; // a faulted device takes no commands; the loop goes on and the operator is told
        }
        try {
            hand.send(command, applied);
        } catch (IllegalStateException faultedJustNow) {
            held++;
        }
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
