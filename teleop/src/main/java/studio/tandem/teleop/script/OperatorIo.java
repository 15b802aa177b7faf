package studio.tandem.teleop.script;

import org.joml.Matrix4d;
import studio.tandem.teleop.robot.Arm;
import studio.tandem.teleop.robot.ArmCommand;
import studio.tandem.teleop.robot.ArmState;
import studio.tandem.teleop.robot.Hand;
import studio.tandem.teleop.robot.HandCommand;
import studio.tandem.teleop.robot.HandState;

/**
 * The command path a scripted operator shares with a human one: target TCP pose (base frame) →
 * {@link Arm#send} (IK, limits) and hand closure → {@link Hand#send}. Keeps the last commanded TCP
 * pose so moves chain without drift. Preallocated; control thread only.
 */
public final class OperatorIo {
    private final Arm arm;
    private final Hand hand;
    private final ArmState armState;
    private final HandState handState;
    private final ArmCommand command;
    private final ArmCommand applied;
    private final HandCommand handCommand;
    private final HandCommand handApplied;
    private final Matrix4d commandedTcp = new Matrix4d();
    private boolean hasCommand;
    private double closure;

    public OperatorIo(Arm arm, Hand hand) {
        this.arm = arm;
        this.hand = hand;
        armState = new ArmState(arm.dof());
        command = new ArmCommand(arm.dof());
        applied = new ArmCommand(arm.dof());
        handState = new HandState(hand.spec().dof(), hand.spec().fingertips());
        handCommand = new HandCommand(hand.spec().dof());
        handApplied = new HandCommand(hand.spec().dof());
    }

    /** Sends a TCP pose target; returns the applied command. */
    public ArmCommand sendTcp(Matrix4d target, long nowNanos) {
        command.setCartesian(target, nowNanos);
        arm.send(command, applied);
        commandedTcp.set(target);
        hasCommand = true;
        return applied;
    }

    /** Sends hand closure (0 open … 1 closed); returns the applied command. */
    public HandCommand sendClosure(double c, long nowNanos) {
        closure = c;
        handCommand.setClosure(hand.spec(), c, nowNanos);
        hand.send(handCommand, handApplied);
        return handApplied;
    }

    /** Reads and returns the measured arm state (the live buffer). */
    public ArmState readArm() {
        arm.read(armState);
        return armState;
    }

    /** Reads and returns the measured hand state (the live buffer). */
    public HandState readHand() {
        hand.read(handState);
        return handState;
    }

    /** The last commanded TCP pose, or the measured one before any command. */
    public Matrix4d commandedTcp(Matrix4d out) {
        if (!hasCommand) {
            return out.set(readArm().tcp());
        }
        return out.set(commandedTcp);
    }

    public double closure() {
        return closure;
    }

    /** The arm command last applied (after IK and limits); the live object, zero before any send. */
    public ArmCommand lastAppliedArm() {
        return applied;
    }

    /** The hand command last applied (after limits); the live object, zero before any send. */
    public HandCommand lastAppliedHand() {
        return handApplied;
    }

    public Arm arm() {
        return arm;
    }

    public Hand hand() {
        return hand;
    }
}
