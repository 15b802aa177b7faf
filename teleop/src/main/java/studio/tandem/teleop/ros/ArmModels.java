package studio.tandem.teleop.ros;

import java.util.List;
import java.util.Locale;
import studio.tandem.teleop.kinematics.DhChain;
import studio.tandem.teleop.kinematics.JointLimits;
import studio.tandem.teleop.ur.UrModel;

/**
 * Kinematic models of ROS 2 arms and their default ROS joint names: Franka FR3 / Panda (the modified DH of the
 * Franka documentation rewritten as standard DH; flange 0.107 m past joint 7) and the UR e-Series.
 */
public final class ArmModels {
    private static final double H = Math.PI / 2;

    private ArmModels() {
    }

    /**
     * The chain of {@code model}: {@code fr3}, {@code panda}, {@code ur3e}, {@code ur5e}, {@code ur10e}, {@code ur16e}.
     *
     * @throws IllegalArgumentException for other names
     */
    public static DhChain chain(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        return switch (m) {
            case "fr3" -> franka(m, new double[] {-2.7437, -1.7837, -2.9007, -3.0421, -2.8065, 0.5445, -3.0159},
                    new double[] {2.7437, 1.7837, 2.9007, -0.1518, 2.8065, 4.5169, 3.0159});
            case "panda" -> franka(m, new double[] {-2.8973, -1.7628, -2.8973, -3.0718, -2.8973, -0.0175, -2.8973},
                    new double[] {2.8973, 1.7628, 2.8973, -0.0698, 2.8973, 3.7525, 2.8973});
            case "ur3e", "ur5e", "ur10e", "ur16e" -> UrModel.chain(m);
            default -> throw new IllegalArgumentException("unknown arm model '" + model
                    + "' (known: fr3, panda, ur3e, ur5e, ur10e, ur16e)");
        };
    }

    /** The joint names the model's ROS 2 driver publishes in {@code joint_states}. */
    public static List<String> rosJointNames(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        if (m.equals("fr3") || m.equals("panda")) {
            return List.of(m + "_joint1", m + "_joint2", m + "_joint3", m + "_joint4", m + "_joint5", m + "_joint6",
                    m + "_joint7");
        }
        return List.of("shoulder_pan_joint", "shoulder_lift_joint", "elbow_joint", "wrist_1_joint", "wrist_2_joint",
                "wrist_3_joint");
    }

    private static DhChain franka(String name, double[] lo, double[] hi) {
        String[] joints = new String[7];
        for (int i = 0; i < 7; i++) {
            joints[i] = "joint" + (i + 1);
        }
        double[] vel = {2.175, 2.175, 2.175, 2.175, 2.61, 2.61, 2.61};
        return new DhChain(name, joints, new double[] {0.333, 0, 0.316, 0, 0.384, 0, 0},
                new double[] {0, 0, 0.0825, -0.0825, 0, 0.088, 0},
                new double[] {-H, H, H, -H, H, H, 0}, new JointLimits(lo, hi, vel), 0.107);
    }
}
