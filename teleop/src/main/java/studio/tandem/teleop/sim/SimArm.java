package studio.tandem.teleop.sim;

import studio.tandem.teleop.kinematics.DhChain;
import studio.tandem.teleop.kinematics.DlsIkSolver;
import studio.tandem.teleop.kinematics.ForwardKinematics;
import studio.tandem.teleop.kinematics.IkConfig;
import studio.tandem.teleop.kinematics.IkStatus;
import studio.tandem.teleop.robot.Arm;
import studio.tandem.teleop.robot.ArmCommand;
import studio.tandem.teleop.robot.ArmState;
import studio.tandem.teleop.robot.RobotFeatures;

/**
 * The simulated UR5e: the twin of a real arm driver. Joint commands are clamped to the joint limits;
 * Cartesian commands (TCP = grasp centre of the mounted hand, base frame) go through damped-least-squares
 * IK seeded with the last applied command. The physics then moves the joints with the velocity and
 * acceleration limits. {@link #read} and {@link #send} run on the control thread and allocate nothing.
 */
public final class SimArm extends SimDevice implements Arm {
    private final DhChain chain;
    private final ForwardKinematics fk;
    private final DlsIkSolver ik;
    private final SimSnapshot snapshot;
    private final double[] applied = new double[6];
    private IkStatus lastIk = IkStatus.CONVERGED;
    private long ikBestEffort;
    private long rejected;

    public SimArm(String id, SimStation station) {
        super(id, station, RobotFeatures.armObservation(id, jointNames(station)),
                RobotFeatures.armAction(id, jointNames(station)));
        this.chain = station.world().chain();
        this.fk = new ForwardKinematics(chain);
        this.ik = new DlsIkSolver(chain, IkConfig.defaults().withMaxIterations(60));
        this.snapshot = station.newSnapshot();
        System.arraycopy(station.world().config().armStart(), 0, applied, 0, 6);
    }

    private static java.util.List<String> jointNames(SimStation station) {
        return java.util.List.of(station.world().chain().jointNames());
    }

    @Override
    public DhChain chain() {
        return chain;
    }

    @Override
    public void read(ArmState out) {
        requireReadable();
        station.read(snapshot);
        double[] q = out.positions();
        double[] qd = out.velocities();
        for (int i = 0; i < 6; i++) {
            q[i] = snapshot.armPosition(i);
            qd[i] = snapshot.armVelocity(i);
        }
        fk.tcp(q, out.tcp());
        out.stamp(snapshot.stampNanos(), snapshot.step());
    }

    @Override
    public void send(ArmCommand command, ArmCommand appliedOut) {
        requireActive();
        if (command.mode() == ArmCommand.Mode.CARTESIAN_POSE) {
            lastIk = ik.solve(command.tcp(), applied, applied);
            if (lastIk == IkStatus.INVALID_INPUT) {
                rejected++;
            } else if (lastIk == IkStatus.BEST_EFFORT) {
                ikBestEffort++;
            }
        } else if (finite(command.positions())) {
            System.arraycopy(command.positions(), 0, applied, 0, 6);
            chain.limits().clampPositions(applied);
        } else {
            rejected++;
        }
        station.commandArm(applied);
        appliedOut.setJoint(applied, command.stampNanos());
        appliedOut.setMode(command.mode());
        fk.tcp(applied, appliedOut.tcp());
    }

    /** Outcome of the last Cartesian command's IK. */
    public IkStatus lastIkStatus() {
        return lastIk;
    }

    /** Cartesian commands that IK could only approximate (unreachable, limits, singular). */
    public long ikBestEffortCount() {
        return ikBestEffort;
    }

    /** Commands rejected for NaN/infinite values (the arm held its last applied command). */
    public long rejectedCount() {
        return rejected;
    }

    @Override
    protected void holdCurrent() {
        station.read(snapshot);
        for (int i = 0; i < 6; i++) {
            applied[i] = snapshot.armPosition(i);
        }
        station.commandArm(applied);
    }

    private static boolean finite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}
