package studio.tandem.app.studio.session;

import org.joml.Matrix4d;
import org.joml.Quaterniond;
import org.joml.Vector3d;
import studio.tandem.autonomy.loop.LoopLayout;
import studio.tandem.autonomy.loop.OperatorPort;
import studio.tandem.autonomy.loop.OperatorSample;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.keyboard.KeyboardDevice;
import studio.tandem.teleop.kinematics.DlsIkSolver;
import studio.tandem.teleop.kinematics.ForwardKinematics;
import studio.tandem.teleop.kinematics.IkConfig;
import studio.tandem.teleop.retarget.ArmRetargetConfig;
import studio.tandem.teleop.retarget.ArmRetargeter;
import studio.tandem.teleop.retarget.ArmTarget;
import studio.tandem.teleop.retarget.DlsJointSolver;
import studio.tandem.teleop.robot.Arm;
import studio.tandem.teleop.robot.ArmState;
import studio.tandem.teleop.robot.Hand;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.robot.HandState;

/**
 * The keyboard as the control loop's operator: {@link KeyboardDevice} (fed with key names by the UI)
 * → {@link ArmRetargeter} (clutch, filter, workspace, speed limits, IK) → arm joint targets; the
 * gripper keys' closure → the hand's closure posture. Starts from where the robot is, so nothing
 * jumps. Control thread only; allocation-free after the first read. Radians, robot base frame.
 */
public final class KeyboardOperator implements OperatorPort {
    private final KeyboardDevice device;
    private final NanoClock clock;
    private final Arm arm;
    private final Hand hand;
    private final LoopLayout layout;
    private final ArmRetargeter retargeter;
    private final ArmState armState;
    private final HandState handState;
    private final double[] previous;
    private final double[] handPosture;
    private final double periodSeconds;
    private volatile ArmTarget.Mode armMode = ArmTarget.Mode.HOLD;
    private volatile double closure;
    private volatile boolean takeover;
    private boolean started;

    public KeyboardOperator(KeyboardDevice device, Arm arm, Hand hand, NanoClock clock, double loopHz) {
        this.device = device;
        this.clock = clock;
        this.arm = arm;
        this.hand = hand;
        HandSpec spec = hand.spec();
        this.layout = new LoopLayout(arm.dof(), spec.dof(), spec.fingertips());
        this.retargeter = new ArmRetargeter(device, ArmRetargetConfig.defaults(0),
                new DlsJointSolver(new DlsIkSolver(arm.chain(), IkConfig.defaults())), arm.dof());
        this.armState = new ArmState(arm.dof());
        this.handState = new HandState(spec.dof(), spec.fingertips());
        this.previous = new double[layout.joints()];
        this.handPosture = new double[spec.dof()];
        this.periodSeconds = 1 / loopHz;
    }

    @Override
    public boolean read(OperatorSample into) {
        double[] t = into.target();
        if (!started) {
            start(t);
        }
        ArmTarget a = retargeter.tick(clock.nanoTime());
        armMode = a.mode();
        if (a.jointsValid()) {
            System.arraycopy(a.joints(), 0, t, 0, layout.armDof());
        }
        closure = a.gripperClosure();
        hand.spec().closurePosture(closure, handPosture);
        System.arraycopy(handPosture, 0, t, layout.armDof(), layout.handDof());
        double armMove = 0;
        double handMove = 0;
        for (int i = 0; i < t.length; i++) {
            double d = Math.abs(t[i] - previous[i]);
            if (i < layout.armDof()) {
                armMove += d;
            } else {
                handMove += d;
            }
            previous[i] = t[i];
        }
        into.armMotion = armMove / periodSeconds;
        into.handMotion = handMove / periodSeconds;
        into.estopPressed = device.estopLatched();
        into.takeoverHeld = takeover;
        return true;
    }

    private void start(double[] t) {
        arm.read(armState);
        hand.read(handState);
        double[] q = armState.positions();
        Matrix4d tcp = new ForwardKinematics(arm.chain()).tcp(q, new Matrix4d());
        retargeter.reset(tcp.getTranslation(new Vector3d()), tcp.getNormalizedRotation(new Quaterniond()), q);
        System.arraycopy(q, 0, t, 0, layout.armDof());
        System.arraycopy(handState.positions(), 0, t, layout.armDof(), layout.handDof());
        System.arraycopy(t, 0, previous, 0, t.length);
        started = true;
    }

    /** Clears a latched e-stop in the device and the retargeter. Any thread (takes effect next tick). */
    public void clearEstop() {
        device.clearEstop();
        retargeter.clearEstop();
    }

    /** Holds (true) or releases the takeover: the operator commands every group the policy drives. Any thread. */
    public void takeover(boolean held) {
        takeover = held;
    }

    public boolean takeoverHeld() {
        return takeover;
    }

    /** Whether the keyboard drives the arm (the clutch toggle, SPACE). Any thread. */
    public boolean clutchEngaged() {
        return device.following();
    }

    /** What the arm did at the last tick (follow, clutch released, hold). Any thread. */
    public ArmTarget.Mode armMode() {
        return armMode;
    }

    /** The gripper closure the operator asks for, 0 open .. 1 closed. Any thread. */
    public double closure() {
        return closure;
    }

    public KeyboardDevice device() {
        return device;
    }

    public LoopLayout layout() {
        return layout;
    }
}
