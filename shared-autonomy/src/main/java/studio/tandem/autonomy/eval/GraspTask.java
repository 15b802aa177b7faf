package studio.tandem.autonomy.eval;

import java.util.List;
import java.util.SplittableRandom;
import org.joml.Matrix4d;
import org.joml.Quaterniond;
import studio.tandem.teleop.script.Scripts;
import studio.tandem.teleop.sim.SimSnapshot;

/**
 * One grasp task drawn from a seed: which object to lift, the grasp height of its TCP pose, and the
 * instruction the operator gives.
 *
 * @param object index of the object in the simulator
 * @param graspZ TCP height of the grasp (m above the table)
 * @param instruction what the policy is told
 * @param symmetry the object's rotational symmetry about the vertical (rad): a grasp yaw and that yaw plus
 *     a multiple of it look and work the same; 0 for a body of revolution (any yaw)
 */
public record GraspTask(int object, double graspZ, String instruction, double symmetry) {
    /** The default objects the hand can lift, with grasp heights and instructions. */
    private static final List<GraspTask> CHOICES = List.of(
            new GraspTask(0, 0.025, "power grasp the red cube", Math.PI / 2),
            new GraspTask(0, 0.030, "pinch the red cube", Math.PI / 2),
            new GraspTask(1, 0.045, "power grasp the green cylinder", 0),
            new GraspTask(3, 0.020, "pinch the yellow block", Math.PI));

    /**
     * The task of {@code seed}, uniform over the choices. (A fresh {@code java.util.Random}'s first
     * {@code nextInt(4)} of nearby seeds is strongly correlated and drew only two of the four tasks;
     * {@link SplittableRandom} mixes the seed first.)
     */
    public static GraspTask draw(long seed) {
        return CHOICES.get(new SplittableRandom(seed).nextInt(CHOICES.size()));
    }

    /** Every word the instructions use, for the policy's vocabulary. */
    public static List<String> vocabulary() {
        return List.of("<pad>", "<unk>", "power", "grasp", "pinch", "the", "red", "cube", "green", "cylinder",
                "yellow", "block", "pick", "up", "use", "a");
    }

    /**
     * A top-down TCP pose over the object at {@link #graspZ()}, aligned with its yaw folded by its
     * symmetry into the turn nearest zero (the same grasp, with the least wrist rotation).
     */
    public Matrix4d pose(SimSnapshot s) {
        Quaterniond q = new Quaterniond(s.objectPose(object, 3), s.objectPose(object, 4), s.objectPose(object, 5),
                s.objectPose(object, 6));
        double yaw = Math.atan2(2 * (q.w * q.z + q.x * q.y), 1 - 2 * (q.y * q.y + q.z * q.z));
        return Scripts.topDown(s.objectPose(object, 0), s.objectPose(object, 1), graspZ, fold(yaw, symmetry));
    }

    /** {@code yaw} shifted by a multiple of {@code symmetry} into [−symmetry/2, symmetry/2); 0 when symmetry is 0. */
    static double fold(double yaw, double symmetry) {
        if (symmetry <= 0) {
            return 0;
        }
        return yaw - symmetry * Math.floor(yaw / symmetry + 0.5);
    }
}
