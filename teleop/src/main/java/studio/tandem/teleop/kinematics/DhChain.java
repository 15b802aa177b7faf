package studio.tandem.teleop.kinematics;

/**
 * A serial chain of revolute joints described by standard (distal) Denavit–Hartenberg parameters:
 * {@code T_i = Rz(q_i + offset_i) · Tz(d_i) · Tx(a_i) · Rx(alpha_i)}. Lengths in metres, angles in rad.
 * The base frame is frame 0; the tool frame (TCP) is frame n, optionally followed by a fixed tool offset
 * along its z axis.
 *
 * @param name e.g. {@code ur5e}
 * @param jointNames one per joint, e.g. {@code shoulder_pan}
 * @param d link offsets (m)
 * @param a link lengths (m)
 * @param alpha link twists (rad)
 * @param limits joint limits
 * @param toolZ distance of the TCP from the flange along the flange z axis (m), 0 for the flange itself
 */
public record DhChain(String name, String[] jointNames, double[] d, double[] a, double[] alpha,
                      JointLimits limits, double toolZ) {

    public DhChain {
        int n = jointNames.length;
        if (d.length != n || a.length != n || alpha.length != n || limits.size() != n) {
            throw new IllegalArgumentException(name + ": DH arrays and limits must all have " + n + " entries");
        }
        jointNames = jointNames.clone();
        d = d.clone();
        a = a.clone();
        alpha = alpha.clone();
    }

    public int dof() {
        return jointNames.length;
    }

    /** Same chain with another tool offset along the flange z axis (m). */
    public DhChain withToolZ(double z) {
        return new DhChain(name, jointNames, d, a, alpha, limits, z);
    }

    /** Same chain with other limits. */
    public DhChain withLimits(JointLimits l) {
        return new DhChain(name, jointNames, d, a, alpha, l, toolZ);
    }

    /**
     * Universal Robots UR5e with its published DH parameters, ±2π position limits and 180°/s velocity
     * limits on every joint (the maximum of the UR5e data sheet).
     */
    public static DhChain ur5e() {
        double h = Math.PI / 2;
        return new DhChain("ur5e",
                new String[] {"shoulder_pan", "shoulder_lift", "elbow", "wrist_1", "wrist_2", "wrist_3"},
                new double[] {0.1625, 0, 0, 0.1333, 0.0997, 0.0996},
                new double[] {0, -0.425, -0.3922, 0, 0, 0},
                new double[] {h, 0, 0, h, -h, 0},
                JointLimits.uniform(6, -2 * Math.PI, 2 * Math.PI, Math.PI), 0);
    }
}
