package studio.tandem.teleop.sim;

import java.util.Optional;
import studio.tandem.teleop.robot.Hand;
import studio.tandem.teleop.robot.HandCommand;
import studio.tandem.teleop.robot.HandKinematics;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.robot.HandState;
import studio.tandem.teleop.robot.RobotFeatures;

/**
 * The simulated hand or gripper: the twin of a LEAP hand or Robotiq gripper driver. Targets are clamped
 * to the joint limits (a NaN target holds that joint); tactile values are the contact normal forces on
 * the fingertips. Control thread; allocation-free.
 */
public final class SimHand extends SimDevice implements Hand {
    private final HandSpec spec;
    private final SimSnapshot snapshot;
    private final double[] applied;
    private long rejected;

    public SimHand(String id, SimStation station) {
        super(id, station, RobotFeatures.handObservation(id, station.world().handSpec()),
                RobotFeatures.handAction(id, station.world().handSpec()));
        this.spec = station.world().handSpec();
        this.snapshot = station.newSnapshot();
        this.applied = spec.open().clone();
    }

    @Override
    public HandSpec spec() {
        return spec;
    }

    @Override
    public Optional<HandKinematics> kinematics() {
        return Optional.of(station.world().handKinematics());
    }

    @Override
    public void read(HandState out) {
        requireReadable();
        station.read(snapshot);
        double[] q = out.positions();
        for (int i = 0; i < q.length; i++) {
            q[i] = snapshot.handPosition(i);
        }
        double[] t = out.tactile();
        double[] n = out.normals();
        for (int i = 0; i < t.length; i++) {
            t[i] = snapshot.tactile(i);
            n[3 * i] = snapshot.tipNormal(i, 0);
            n[3 * i + 1] = snapshot.tipNormal(i, 1);
            n[3 * i + 2] = snapshot.tipNormal(i, 2);
        }
        out.stamp(snapshot.stampNanos(), snapshot.step());
    }

    @Override
    public void send(HandCommand command, HandCommand appliedOut) {
        requireActive();
        double[] req = command.positions();
        for (int i = 0; i < applied.length; i++) {
            if (Double.isFinite(req[i])) {
                applied[i] = req[i];
            } else {
                rejected++;
            }
        }
        spec.limits().clampPositions(applied);
        station.commandHand(applied);
        appliedOut.set(applied, command.stampNanos());
    }

    /** Target values rejected for NaN/infinity (that joint held its previous target). */
    public long rejectedCount() {
        return rejected;
    }

    @Override
    protected void holdCurrent() {
        station.read(snapshot);
        for (int i = 0; i < applied.length; i++) {
            applied[i] = snapshot.handPosition(i);
        }
        station.commandHand(applied);
    }
}
