package studio.tandem.app.studio.session;

import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.kinematics.DhChain;
import studio.tandem.teleop.robot.Arm;
import studio.tandem.teleop.robot.ArmCommand;
import studio.tandem.teleop.robot.ArmState;

/**
 * An arm as the control loop reads it, counting the new states it delivers (distinct state sequence
 * numbers) so the station panel can show the arm's state rate as the loop sees it, whatever the
 * driver. Everything else is the arm's own. {@link #read}/{@link #send} on the control thread,
 * allocation-free; {@link #states()} from any thread.
 */
final class MeteredArm implements Arm {
    private final Arm arm;
    private long lastSequence = Long.MIN_VALUE;
    private volatile long states;

    MeteredArm(Arm arm) {
        this.arm = arm;
    }

    @Override
    public void read(ArmState out) {
        arm.read(out);
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
    public void send(ArmCommand command, ArmCommand applied) {
        arm.send(command, applied);
    }

    @Override
    public DhChain chain() {
        return arm.chain();
    }

    @Override
    public String id() {
        return arm.id();
    }

    @Override
    public DeviceState state() {
        return arm.state();
    }

    @Override
    public String faultReason() {
        return arm.faultReason();
    }

    @Override
    public void connect() throws DeviceException {
        arm.connect();
    }

    @Override
    public void activate() throws DeviceException {
        arm.activate();
    }

    @Override
    public void deactivate() {
        arm.deactivate();
    }

    @Override
    public FeatureSet observationFeatures() {
        return arm.observationFeatures();
    }

    @Override
    public FeatureSet actionFeatures() {
        return arm.actionFeatures();
    }

    @Override
    public void close() {
        arm.close();
    }
}
