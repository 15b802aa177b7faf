package studio.tandem.teleop.ur;

import java.util.Locale;
import studio.tandem.teleop.kinematics.DhChain;
import studio.tandem.teleop.kinematics.JointLimits;

/**
 * Universal Robots e-Series arms with their published DH parameters (m, rad), ±2π joint limits and the data
 * sheet's joint speeds. Used for the arm's declared kinematics and the applied-command estimate.
 */
public final class UrModel {
    private static final double H = Math.PI / 2;
    private static final String[] JOINTS = {"shoulder_pan", "shoulder_lift", "elbow", "wrist_1", "wrist_2",
        "wrist_3"};

    private UrModel() {
    }

    /**
     * The chain of {@code name} ({@code ur3e}, {@code ur5e}, {@code ur10e}, {@code ur16e}).
     *
     * @throws IllegalArgumentException for other names
     */
    public static DhChain chain(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "ur3e" -> chain(n, new double[] {0.15185, 0, 0, 0.13105, 0.08535, 0.0921},
                    new double[] {0, -0.24355, -0.2132, 0, 0, 0}, Math.PI);
            case "ur5e" -> DhChain.ur5e();
            case "ur10e" -> chain(n, new double[] {0.1807, 0, 0, 0.17415, 0.11985, 0.11655},
                    new double[] {0, -0.6127, -0.57155, 0, 0, 0}, 2 * Math.PI / 3);
            case "ur16e" -> chain(n, new double[] {0.1807, 0, 0, 0.17415, 0.11985, 0.11655},
                    new double[] {0, -0.4784, -0.36, 0, 0, 0}, 2 * Math.PI / 3);
            default -> throw new IllegalArgumentException("unknown UR model '" + name
                    + "' (known: ur3e, ur5e, ur10e, ur16e)");
        };
    }

    private static DhChain chain(String name, double[] d, double[] a, double speed) {
        return new DhChain(name, JOINTS, d, a, new double[] {H, 0, 0, H, -H, 0},
                JointLimits.uniform(6, -2 * Math.PI, 2 * Math.PI, speed), 0);
    }
}
