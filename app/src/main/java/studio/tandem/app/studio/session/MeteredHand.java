package studio.tandem.app.studio.session;

import java.util.Optional;
import studio.tandem.teleop.robot.Hand;
import studio.tandem.teleop.robot.HandCommand;
import studio.tandem.teleop.robot.HandKinematics;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.robot.HandState;

/**
 * A hand or gripper behind the loop's {@link MeteredDevice} meter and FAULT guard. Control thread,
 * allocation-free.
 */
final class MeteredHand extends MeteredDevice<Hand> implements Hand {
    MeteredHand(Hand hand) {
        super(hand);
    }

    @Override
    public void read(HandState out) {
        if (!readable()) {
            return; // FAULT: the loop keeps the last state instead of stopping; the panel shows the reason
        }
        try {
            device.read(out);
        } catch (IllegalStateException e) {
            faultedJustNow();
            return;
        }
        delivered(out.sequence());
    }

    @Override
    public void send(HandCommand command, HandCommand applied) {
        if (!commandable()) {
            return; // a faulted device takes no commands; the loop goes on and the operator is told
        }
        try {
            device.send(command, applied);
        } catch (IllegalStateException e) {
            faultedJustNow();
        }
    }

    @Override
    public HandSpec spec() {
        return device.spec();
    }

    @Override
    public Optional<HandKinematics> kinematics() {
        return device.kinematics();
    }
}
