package studio.tandem.autonomy.eval;

import org.joml.Matrix4d;
import studio.tandem.teleop.script.Scripts;
import studio.tandem.teleop.script.Sequence;
import studio.tandem.teleop.sim.SimSnapshot;
import studio.tandem.teleop.sim.SimStation;

/**
 * What the scripted operator watches while the policy drives arm and hand alone: whether the object
 * is lifted, and whether the policy went wrong: the TCP is not over the object (horizontal distance)
 * {@value #REACH_SECONDS} s into the episode, or the object is not lifted after
 * {@value #LIFT_SECONDS} s. Then the operator takes over and runs the grasp-and-lift script from where
 * the arm is. Episode thread only.
 */
final class AutonomousWatch {
    /** Seconds the policy has to bring the TCP over the object. */
    static final double REACH_SECONDS = 8;
    /** Seconds the policy has to lift the object. */
    static final double LIFT_SECONDS = 14;
    /** Horizontal TCP-to-object distance that counts as "over the object" (m). */
    static final double REACH_TOLERANCE = 0.04;
    /** Lift that ends the policy's attempt as done (m). */
    static final double DONE_LIFT = 0.10;

    private final SimStation sim;
    private final GraspTask task;
    private final SimSnapshot snap;
    private final double z0;
    private boolean liftedSeen;
    private Sequence rescue;

    AutonomousWatch(SimStation sim, GraspTask task, double z0) {
        this.sim = sim;
        this.task = task;
        this.snap = sim.newSnapshot();
        this.z0 = z0;
    }

    /** The object is {@value #DONE_LIFT} m above where it started. */
    boolean lifted() {
        sim.read(snap);
        liftedSeen |= snap.objectPose(task.object(), 2) - z0 > DONE_LIFT;
        return liftedSeen;
    }

    /**
     * @param seconds time since the episode started
     * @param tcp the measured TCP pose (base frame, m)
     */
    boolean wentWrong(double seconds, Matrix4d tcp) {
        if (seconds >= LIFT_SECONDS) {
            return true;
        }
        if (seconds < REACH_SECONDS) {
            return false;
        }
        sim.read(snap);
        double dx = tcp.m30() - snap.objectPose(task.object(), 0);
        double dy = tcp.m31() - snap.objectPose(task.object(), 1);
        return Math.hypot(dx, dy) > REACH_TOLERANCE;
    }

    /** The operator takes arm and hand over (takeover held) and starts grasp-and-lift from here. */
    Sequence takeOver(ScriptedOperatorPort operator, long nowNanos) {
        sim.read(snap);
        operator.syncToRobot();
        operator.handsOn(true);
        operator.holdTakeover(true);
        rescue = Scripts.graspAndLift(operator.io(), task.pose(snap), SimEpisode.LIFT);
        rescue.start(nowNanos);
        return rescue;
    }

    /** The policy lifted the object, or the operator's takeover script completed. */
    boolean finished() {
        return liftedSeen || rescue != null && rescue.isDone();
    }
}
