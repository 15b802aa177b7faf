package studio.tandem.autonomy.eval;

import org.joml.Matrix4d;
import studio.tandem.autonomy.loop.LoopLayout;
import studio.tandem.autonomy.loop.OperatorPort;
import studio.tandem.autonomy.loop.OperatorSample;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.teleop.device.Device;
import studio.tandem.teleop.device.ForwardingDevice;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.kinematics.DhChain;
import studio.tandem.teleop.kinematics.DlsIkSolver;
import studio.tandem.teleop.kinematics.IkConfig;
import studio.tandem.teleop.robot.Arm;
import studio.tandem.teleop.robot.ArmCommand;
import studio.tandem.teleop.robot.ArmState;
import studio.tandem.teleop.robot.Hand;
import studio.tandem.teleop.robot.HandCommand;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.robot.HandState;
import studio.tandem.teleop.script.OperatorIo;

/**
 * A scripted operator (h/sim's {@code teleop.script}) routed through the control loop: the script
 * drives an {@link OperatorIo} over capturing stand-ins of the arm and hand, whose {@code send}
 * stores the retargeted joint targets (the arm's via IK) instead of moving the robot; the loop reads
 * them as the operator's command. When the operator does not work the hand ({@code handsOn}
 * false, as in shared autonomy), its hand commands are ignored. Effort is the integrated operator
 * input: Σ |Δ target| over all arm and hand joints (rad). Control thread only.
 */
public final class ScriptedOperatorPort implements OperatorPort {
    private final LoopLayout layout;
    private final double[] target;
    private final double[] previous;
    private final CaptureArm arm;
    private final CaptureHand hand;
    private final OperatorIo io;
    private final double periodSeconds;
    private boolean handsOn;
    private boolean takeoverHeld;
    private boolean started;
    private double effort;
    private ArmNoise noise;

    public ScriptedOperatorPort(Arm realArm, Hand realHand, boolean handsOn, double periodSeconds) {
        this.layout = new LoopLayout(realArm.dof(), realHand.spec().dof(), realHand.spec().fingertips());
        this.target = new double[layout.joints()];
        this.previous = new double[layout.joints()];
        this.arm = new CaptureArm(realArm);
        this.hand = new CaptureHand(realHand);
        this.io = new OperatorIo(arm, hand);
        this.handsOn = handsOn;
        this.periodSeconds = periodSeconds;
    }

    /** The operator interface the script drives. */
    public OperatorIo io() {
        return io;
    }

    /** Whether the operator works the hand too (teleop) or only the arm (shared). */
    public void handsOn(boolean on) {
        handsOn = on;
    }

    /** Holds (or releases) the takeover button. */
    public void holdTakeover(boolean held) {
        takeoverHeld = held;
    }

    /**
     * Takes the robot's measured arm and hand positions as the operator's target at the next read
     * (no jump and no effort counted), as when an operator who kept hands off starts driving.
     */
    public void syncToRobot() {
        started = false;
    }

    /**
     * Adds {@code n}'s offsets to the arm targets the loop reads (demonstrations with injected noise);
     * effort and motion stay those of the script's own targets.
     */
    public void noise(ArmNoise n) {
        noise = n;
    }

    /** The injected arm noise, or null. */
    public ArmNoise noise() {
        return noise;
    }

    /** Integrated operator input so far (rad). */
    public double effort() {
        return effort;
    }

    @Override
    public boolean read(OperatorSample into) {
        if (!started) {
            ArmState s = new ArmState(layout.armDof());
            arm.real.read(s);
            System.arraycopy(s.positions(), 0, target, 0, layout.armDof());
            HandState h = new HandState(layout.handDof(), layout.tactileDim());
            hand.real.read(h);
            System.arraycopy(h.positions(), 0, target, layout.armDof(), layout.handDof());
            System.arraycopy(target, 0, previous, 0, target.length);
            started = true;
        }
        double armMove = 0;
        double handMove = 0;
        for (int i = 0; i < target.length; i++) {
            double d = Math.abs(target[i] - previous[i]);
            if (i < layout.armDof()) {
                armMove += d;
            } else {
                handMove += d;
            }
            previous[i] = target[i];
        }
        effort += armMove + handMove;
        System.arraycopy(target, 0, into.target(), 0, target.length);
        if (noise != null) {
            noise.step(periodSeconds, layout.armDof());
            for (int j = 0; j < layout.armDof(); j++) {
                into.target()[j] += noise.offset(j);
            }
        }
        into.armMotion = armMove / periodSeconds;
        into.handMotion = handMove / periodSeconds;
        into.takeoverHeld = takeoverHeld;
        return true;
    }

    /** The arm as the script sees it: reads the real arm, captures sends through IK. */
    private final class CaptureArm extends BorrowedDevice<Arm> implements Arm {
        final DlsIkSolver ik;
        final double[] q;

        CaptureArm(Arm real) {
            super(real);
            this.ik = new DlsIkSolver(real.chain(), IkConfig.defaults());
            this.q = new double[real.dof()];
        }

        @Override
        public DhChain chain() {
            return real.chain();
        }

        @Override
        public void read(ArmState out) {
            real.read(out);
        }

        @Override
        public void send(ArmCommand command, ArmCommand applied) {
            if (command.mode() == ArmCommand.Mode.CARTESIAN_POSE) {
                System.arraycopy(target, 0, q, 0, q.length);
                ik.solve(command.tcp(), q, q);
            } else {
                System.arraycopy(command.positions(), 0, q, 0, q.length);
            }
            System.arraycopy(q, 0, target, 0, q.length);
            applied.setJoint(q, command.stampNanos());
            applied.tcp().set(command.mode() == ArmCommand.Mode.CARTESIAN_POSE ? command.tcp() : new Matrix4d());
        }

    }

    /** The hand as the script sees it: reads the real hand, captures sends when the operator works it. */
    private final class CaptureHand extends BorrowedDevice<Hand> implements Hand {
        CaptureHand(Hand real) {
            super(real);
        }

        @Override
        public HandSpec spec() {
            return real.spec();
        }

        @Override
        public void read(HandState out) {
            real.read(out);
        }

        @Override
        public void send(HandCommand command, HandCommand applied) {
            if (handsOn) {
                System.arraycopy(command.positions(), 0, target, layout.armDof(), layout.handDof());
            }
            applied.copyFrom(command);
        }

    }

    /** A view of a device the station owns: the lifecycle is forwarded, closing is left to the owner. */
    private abstract static class BorrowedDevice<D extends Device> extends ForwardingDevice<D> {
        final D real;

        BorrowedDevice(D real) {
            super(real);
            this.real = real;
        }

        @Override
        public void close() {
            // the station owns the real device
        }
    }
}
