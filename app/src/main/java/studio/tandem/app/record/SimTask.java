package studio.tandem.app.record;

import java.util.Locale;
import java.util.Random;
import org.joml.Matrix4d;
import studio.tandem.autonomy.eval.GraspTask;
import studio.tandem.teleop.script.MoveTcp;
import studio.tandem.teleop.script.OperatorIo;
import studio.tandem.teleop.script.Scripts;
import studio.tandem.teleop.script.Sequence;
import studio.tandem.teleop.script.SetClosure;
import studio.tandem.teleop.script.Step;
import studio.tandem.teleop.script.Wait;
import studio.tandem.teleop.sim.SimSnapshot;

/**
 * One scripted demonstration drawn from a seed: which object (a {@link GraspTask}), and whether it is
 * only lifted or also carried and put down at a drawn offset (8–15 cm, any direction, base frame).
 *
 * @param grasp       object, grasp height and the instruction it comes with
 * @param place       true: pick-and-place; false: grasp-and-lift
 * @param dx          place offset along base x (m), 0 for grasp-and-lift
 * @param dy          place offset along base y (m), 0 for grasp-and-lift
 */
public record SimTask(GraspTask grasp, boolean place, double dx, double dy) {
    /** Lift height of a grasp-and-lift (m). */
    public static final double LIFT = 0.15;
    private static final long SECOND = 1_000_000_000L;

    /** The task of episode {@code number} of a recording seeded with {@code seed}; deterministic. */
    public static SimTask draw(long seed, int number) {
        long s = seed * 1_000_003L + number;
        Random r = new Random(s);
        GraspTask g = GraspTask.draw(s);
        if (!r.nextBoolean()) {
            return new SimTask(g, false, 0, 0);
        }
        double dist = 0.08 + 0.07 * r.nextDouble();
        double dir = 2 * Math.PI * r.nextDouble();
        return new SimTask(g, true, dist * Math.cos(dir), dist * Math.sin(dir));
    }

    /** What the operator is told (the episode's task text). */
    public String instruction() {
        if (!place) {
            return grasp.instruction() + " and lift it";
        }
        return String.format(Locale.ROOT, "%s and put it down %.0f cm %s", grasp.instruction(),
                100 * Math.hypot(dx, dy), direction());
    }

    private String direction() {
        // base frame: the robot faces -x, so -x is "forward" from the operator's view behind the robot
        String fb = Math.abs(dx) < 0.03 ? "" : dx < 0 ? "forward" : "back";
        String lr = Math.abs(dy) < 0.03 ? "" : dy < 0 ? "right" : "left";
        return fb.isEmpty() ? lr : lr.isEmpty() ? fb : fb + " and " + lr;
    }

    /**
     * The reset before the episode (not recorded, like LeRobot's reset period): open the hand and let a
     * dropped object settle.
     */
    public static Sequence release(OperatorIo io) {
        return new Sequence("release", new SetClosure("open", io, 0, SECOND / 4), new Wait(SECOND / 2));
    }

    /** The second part of the reset: bring the open hand above the object in {@code scene}. */
    public Step approach(OperatorIo io, SimSnapshot scene) {
        Matrix4d above = grasp.pose(scene).translateLocal(0, 0, Scripts.APPROACH);
        return new MoveTcp("approach", io, above, 0.3, 0.01);
    }

    /** The recorded script for the object's pose in {@code scene}, driving {@code io}. */
    public Sequence script(OperatorIo io, SimSnapshot scene) {
        Matrix4d pose = grasp.pose(scene);
        if (!place) {
            return Scripts.graspAndLift(io, pose, LIFT);
        }
        Matrix4d to = new Matrix4d(pose).translateLocal(dx, dy, 0);
        return Scripts.pickAndPlace(io, pose, to);
    }
}
