package studio.tandem.autonomy.station;

import org.joml.Matrix4d;
import studio.tandem.autonomy.loop.LoopLayout;
import studio.tandem.autonomy.loop.Observation;
import studio.tandem.autonomy.loop.RobotPort;
import studio.tandem.autonomy.safety.SafetyLimits;
import studio.tandem.autonomy.safety.Workspace;
import studio.tandem.autonomy.safety.WorkspaceBox;
import studio.tandem.teleop.kinematics.ForwardKinematics;
import studio.tandem.teleop.kinematics.JointLimits;
import studio.tandem.teleop.robot.Arm;
import studio.tandem.teleop.robot.ArmCommand;
import studio.tandem.teleop.robot.ArmState;
import studio.tandem.teleop.robot.Hand;
import studio.tandem.teleop.robot.HandCommand;
import studio.tandem.teleop.robot.HandState;

/**
 * The station's arm and hand as the control loop's {@link RobotPort}: reads their latest states
 * into the joint vector (arm joints then hand joints, radians) and the tactile vector (the hand's
 * fingertips, N), and sends the safety-filtered joint targets. Control thread only; allocation-free.
 */
public final class StationPort implements RobotPort {
    private final Arm arm;
    private final Hand hand;
    private final LoopLayout layout;
    private final ArmState armState;
    private final HandState handState;
    private final ArmCommand armCommand;
    private final ArmCommand armApplied;
    private final HandCommand handCommand;
    private final HandCommand handApplied;

    public StationPort(Arm arm, Hand hand) {
        this.arm = arm;
        this.hand = hand;
        int handDof = hand.spec().dof();
        this.layout = new LoopLayout(arm.dof(), handDof, hand.spec().fingertips());
        armState = new ArmState(arm.dof());
        handState = new HandState(handDof, hand.spec().fingertips());
        armCommand = new ArmCommand(arm.dof());
        armApplied = new ArmCommand(arm.dof());
        handCommand = new HandCommand(handDof);
        handApplied = new HandCommand(handDof);
    }

    public LoopLayout layout() {
        return layout;
    }

    @Override
    public void read(Observation into) {
        arm.read(armState);
        hand.read(handState);
        double[] j = into.joints();
        System.arraycopy(armState.positions(), 0, j, 0, layout.armDof());
        System.arraycopy(handState.positions(), 0, j, layout.armDof(), layout.handDof());
        System.arraycopy(handState.tactile(), 0, into.tactile(), 0, layout.tactileDim());
        into.stampNanos(Math.max(armState.stampNanos(), handState.stampNanos()));
    }

    @Override
    public void write(double[] command) {
        System.arraycopy(command, 0, armCommand.positions(), 0, layout.armDof());
        armCommand.setMode(ArmCommand.Mode.JOINT_POSITION);
        arm.send(armCommand, armApplied);
        System.arraycopy(command, layout.armDof(), handCommand.positions(), 0, layout.handDof());
        hand.send(handCommand, handApplied);
    }

    /** The arm's applied command of the last write (after the arm's own clipping). */
    public ArmCommand armApplied() {
        return armApplied;
    }

    /**
     * Safety limits from the arm's and hand's declared joint limits and speeds, with the given
     * acceleration limits (rad/s²).
     */
    public SafetyLimits safetyLimits(double armAcceleration, double handAcceleration) {
        return limits(arm.chain().limits(), armAcceleration).concat(limits(hand.spec().limits(), handAcceleration));
    }

    private static SafetyLimits limits(JointLimits l, double acceleration) {
        double[] a = new double[l.size()];
        java.util.Arrays.fill(a, acceleration);
        return new SafetyLimits(l.lower(), l.upper(), l.maxVelocity(), a);
    }

    /** A TCP box (base frame, m) checked with the arm's forward kinematics. */
    public Workspace workspace(double[] minXyz, double[] maxXyz) {
        ForwardKinematics fk = new ForwardKinematics(arm.chain());
        Matrix4d tcp = new Matrix4d();
        return new WorkspaceBox((q, xyz) -> {
            fk.tcp(q, tcp);
            xyz[0] = tcp.m30();
            xyz[1] = tcp.m31();
            xyz[2] = tcp.m32();
        }, minXyz, maxXyz);
    }
}
