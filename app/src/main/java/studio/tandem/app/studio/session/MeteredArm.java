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
 * driver. A device in FAULT is skipped instead of stopping the loop (its last state stays, commands are
 * not sent, both counted in {@link #held()}); the station panel shows its reason and Restart station
 * reconnects it. Everything else is the arm's own. {@link #read}/{@link #send} on the control thread,
 * allocation-free; {@link #states()} from any thread.
 */
final class MeteredArm implements Arm {
    private final Arm arm;
    private long lastSequence = Long.MIN_VALUE;
    private volatile long states;
    private volatile long held;

    MeteredArm(Arm arm) {
        this.arm = arm;
    }

    @Override
    public void read(ArmState out) {
        if (!arm.state().readable()) {
            held++;
            return; // FAULT: the loop keeps the last state instead of stopping; the panel shows the reason
        }
        try {
            arm.read(out);
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
    public void send(ArmCommand command, ArmCommand applied) {
        if (!arm.state().commandable()) {
            held++;
            return; // a faulted device takes no commands; the loop goes on and the operator is told
        }
        try {
            arm.send(command, applied);
        } catch (IllegalStateException faultedJustNow) {
            held++;
        }
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
