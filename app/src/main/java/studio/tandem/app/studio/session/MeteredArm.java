package studio.tandem.app.studio.session;

import studio.tandem.teleop.kinematics.DhChain;
import studio.tandem.teleop.robot.Arm;
import studio.tandem.teleop.robot.ArmCommand;
import studio.tandem.teleop.robot.ArmState;

/** An arm behind the loop's {@link MeteredDevice} meter and FAULT guard. Control thread, allocation-free. */
final class MeteredArm extends MeteredDevice<Arm> implements Arm {
    MeteredArm(Arm arm) {
        super(arm);
    }

    @Override
    public void read(ArmState out) {
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
    public void send(ArmCommand command, ArmCommand applied) {
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
    public DhChain chain() {
        return device.chain();
    }
}
