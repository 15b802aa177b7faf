package studio.tandem.app.studio.session;

import org.joml.Matrix4d;
import org.joml.Quaterniond;
import org.joml.Vector3d;
import studio.tandem.app.station.OperatorDeviceSetup;
import studio.tandem.autonomy.loop.LoopLayout;
import studio.tandem.autonomy.loop.OperatorPort;
import studio.tandem.autonomy.loop.OperatorSample;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.input.OperatorDevice;
import studio.tandem.teleop.input.PoseSample;
import studio.tandem.teleop.keyboard.KeyboardDevice;
import studio.tandem.teleop.kinematics.DlsIkSolver;
import studio.tandem.teleop.kinematics.ForwardKinematics;
import studio.tandem.teleop.kinematics.IkConfig;
import studio.tandem.teleop.retarget.ArmRetargetConfig;
import studio.tandem.teleop.retarget.ArmRetargeter;
import studio.tandem.teleop.retarget.ArmTarget;
import studio.tandem.teleop.retarget.DlsJointSolver;
import studio.tandem.teleop.retarget.GripperMapping;
import studio.tandem.teleop.robot.Arm;
import studio.tandem.teleop.robot.ArmState;
import studio.tandem.teleop.robot.Hand;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.robot.HandState;

/**
 * The operator as the control loop sees it: one port over the station file's operator device (a
 * SpaceMouse, VR controller or gamepad; optional) and the keyboard, which is always on. Each runs
 * through its own {@link ArmRetargeter} (clutch, filter, workspace, speed limits, IK) to arm joint
 * targets; the gripper closure becomes the hand's closure posture. The primary device drives while it
 * delivers; otherwise the keyboard does, and a switch re-anchors the new source on the last target, so
 * nothing jumps. The keyboard's e-stop and clutch keys act on whichever device drives, and its gripper
 * keys close the hand too. Starts from where the robot is.
 *
 * <p>Threads: {@link #read} on the control thread only, allocation-free after the first read; the
 * getters and {@link #clearEstop()} from any thread. Radians, robot base frame.
 */
public final class StationOperator implements OperatorPort {
    private final KeyboardDevice keyboard;
    private final OperatorDeviceSetup primary;
    private final NanoClock clock;
    private final Arm arm;
    private final Hand hand;
    private final LoopLayout layout;
    private final ArmRetargeter keys;
    private final ArmRetargeter device;
    private final ForwardKinematics fk;
    private final Matrix4d tcp = new Matrix4d();
    private final Vector3d tcpPos = new Vector3d();
    private final Quaterniond tcpRot = new Quaterniond();
    private final PoseSample keySample = new PoseSample();
    private final double[] armJoints;
    private final ArmState armState;
    private final HandState handState;
    private final double[] previous;
    private final double[] handPosture;
    private final double periodSeconds;
    private volatile ArmTarget.Mode armMode = ArmTarget.Mode.HOLD;
    private volatile double closure;
    private volatile boolean takeover;
    private volatile boolean primaryDriving;
    private volatile long switches;
    private boolean started;

    /**
     * @param keyboard the keyboard (connected by the caller; the UI feeds its keys)
     * @param primary the station file's operator device, or null for the keyboard alone
     */
    public StationOperator(KeyboardDevice keyboard, OperatorDeviceSetup primary, Arm arm, Hand hand, NanoClock clock,
            double loopHz) {
        this(keyboard, ArmRetargetConfig.defaults(0), primary, arm, hand, clock, loopHz);
    }

    /**
     * @param keyboard the keyboard (connected by the caller; the UI feeds its keys)
     * @param keyboardRetargeting how the keyboard's motion maps onto the arm (the station file's
     *     {@code keyboard} entry: {@code facing=}, {@code scale=})
     * @param primary the station file's operator device, or null for the keyboard alone
     */
    public StationOperator(KeyboardDevice keyboard, ArmRetargetConfig keyboardRetargeting, OperatorDeviceSetup primary,
            Arm arm, Hand hand, NanoClock clock, double loopHz) {
        this.keyboard = keyboard;
        this.primary = primary;
        this.clock = clock;
        this.arm = arm;
        this.hand = hand;
        HandSpec spec = hand.spec();
        this.layout = new LoopLayout(arm.dof(), spec.dof(), spec.fingertips());
        this.keys = retargeter(keyboard, keyboardRetargeting);
        this.device = primary == null ? null
                : retargeter(new KeyboardClutch(primary.device(), keyboard), primary.retargeting());
        this.fk = new ForwardKinematics(arm.chain());
        this.armJoints = new double[arm.dof()];
        this.armState = new ArmState(arm.dof());
        this.handState = new HandState(spec.dof(), spec.fingertips());
        this.previous = new double[layout.joints()];
        this.handPosture = new double[spec.dof()];
        this.periodSeconds = 1 / loopHz;
    }

    /** The keyboard alone (no operator device in the station file). */
    public StationOperator(KeyboardDevice keyboard, Arm arm, Hand hand, NanoClock clock, double loopHz) {
        this(keyboard, null, arm, hand, clock, loopHz);
    }

    private ArmRetargeter retargeter(OperatorDevice d, ArmRetargetConfig cfg) {
        return new ArmRetargeter(d, cfg, new DlsJointSolver(new DlsIkSolver(arm.chain(), IkConfig.defaults())),
                arm.dof());
    }

    @Override
    public boolean read(OperatorSample into) {
        double[] t = into.target();
        if (!started && !start(t)) {
            return false; // the arm or hand is in FAULT: nothing to start from yet
        }
        boolean usePrimary = primary != null && primary.delivering();
        if (usePrimary != primaryDriving) {
            anchor(usePrimary ? device : keys);
            primaryDriving = usePrimary;
            switches++;
        }
        ArmTarget a = (usePrimary ? device : keys).tick(clock.nanoTime());
        armMode = a.mode();
        if (a.jointsValid()) {
            System.arraycopy(a.joints(), 0, t, 0, layout.armDof());
        }
        double c = a.gripperClosure();
        if (usePrimary && keyboard.readPose(0, keySample)) {
            c = Math.max(c, GripperMapping.DEFAULT.closure(keySample.trigger()));
        }
        closure = c;
        hand.spec().closurePosture(c, handPosture);
        System.arraycopy(handPosture, 0, t, layout.armDof(), layout.handDof());
        motion(t, into);
        into.estopPressed = keyboard.estopLatched() || (device != null && device.estopLatched());
        into.takeoverHeld = takeover;
        return true;
    }

    private void motion(double[] t, OperatorSample into) {
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
    }

    private boolean start(double[] t) {
        if (!arm.state().readable() || !hand.state().readable()) {
            return false;
        }
        try {
            arm.read(armState);
            hand.read(handState);
        } catch (IllegalStateException faultedJustNow) {
            return false;
        }
        double[] q = armState.positions();
        System.arraycopy(q, 0, t, 0, layout.armDof());
        System.arraycopy(handState.positions(), 0, t, layout.armDof(), layout.handDof());
        System.arraycopy(t, 0, previous, 0, t.length);
        anchor(keys);
        primaryDriving = false;
        started = true;
        return true;
    }

    /** Starts {@code r} from the last arm target (no jump when the driving device changes). */
    private void anchor(ArmRetargeter r) {
        System.arraycopy(previous, 0, armJoints, 0, armJoints.length);
        fk.tcp(armJoints, tcp);
        tcp.getTranslation(tcpPos);
        tcp.getNormalizedRotation(tcpRot);
        r.reset(tcpPos, tcpRot, armJoints);
    }

    /** Clears a latched e-stop in the keyboard, a gamepad and both retargeters. Any thread (takes effect next tick). */
    public void clearEstop() {
        keyboard.clearEstop();
        keys.clearEstop();
        if (device != null) {
            device.clearEstop();
        }
        if (primary != null && primary.device() instanceof KeyboardDevice pad) {
            pad.clearEstop(); // a gamepad latches its own e-stop button like the keyboard
        }
    }

    /** Holds (true) or releases the takeover: the operator commands every group the policy drives. Any thread. */
    public void takeover(boolean held) {
        takeover = held;
    }

    public boolean takeoverHeld() {
        return takeover;
    }

    /** Whether the operator drives the arm (the keyboard's clutch toggle, SPACE, gates every device). Any thread. */
    public boolean clutchEngaged() {
        return keyboard.following();
    }

    /** What the arm did at the last tick (follow, clutch released, hold). Any thread. */
    public ArmTarget.Mode armMode() {
        return armMode;
    }

    /** The gripper closure the operator asks for, 0 open .. 1 closed. Any thread. */
    public double closure() {
        return closure;
    }

    /** The keyboard (always on; the UI feeds it key names). */
    public KeyboardDevice device() {
        return keyboard;
    }

    /** The station file's operator device, or null with the keyboard alone. */
    public OperatorDeviceSetup primary() {
        return primary;
    }

    /** Whether the primary device drives the arm now (else the keyboard). Any thread. */
    public boolean primaryDriving() {
        return primaryDriving;
    }

    /** How often the driving source changed (keyboard ↔ primary). Any thread. */
    public long switches() {
        return switches;
    }

    public LoopLayout layout() {
        return layout;
    }
}
