package studio.tandem.teleop.retarget;

import java.util.List;

import org.joml.Vector3d;

import studio.tandem.teleop.robot.HandSpec;

/**
 * A simple kinematic description of a robot hand for retargeting: each finger is a planar chain of
 * hinge joints that all turn about one axis, starting at a base point with an initial link direction.
 * Frame: the hand frame (the arm's flange frame; metres). Joint angles in radians, positive as the
 * hand's own convention (curl). Immutable; FK methods are allocation-free given caller buffers.
 */
public final class HandKinematics {

    /**
     * One finger.
     *
     * @param name e.g. {@code index}
     * @param base position of the first joint, hand frame
     * @param axis unit hinge axis shared by the finger's joints
     * @param direction unit direction of the straight finger at zero angles
     * @param lengths link lengths from joint to joint, the last one ending at the tip (m)
     * @param firstJoint index of the finger's first joint in the hand's joint vector
     */
    public record Finger(String name, Vector3d base, Vector3d axis, Vector3d direction, double[] lengths,
                         int firstJoint) {
        public Finger {
            base = new Vector3d(base);
            axis = new Vector3d(axis).normalize();
            direction = new Vector3d(direction).normalize();
            lengths = lengths.clone();
        }

        public int joints() {
            return lengths.length;
        }
    }

    private final List<Finger> fingers;
    private final double[] lower;
    private final double[] upper;

    public HandKinematics(List<Finger> fingers, double[] lower, double[] upper) {
        this.fingers = List.copyOf(fingers);
        int n = 0;
        for (Finger f : fingers) {
            if (f.firstJoint() != n) {
                throw new IllegalArgumentException("hand kinematics: finger " + f.name() + " must start at joint " + n);
            }
            n += f.joints();
        }
        if (lower.length != n || upper.length != n) {
            throw new IllegalArgumentException("hand kinematics: " + n + " joints but " + lower.length + " limits");
        }
        this.lower = lower.clone();
        this.upper = upper.clone();
    }

    /**
     * The simulated station's four-finger hand (index, middle, ring opposed by the thumb; MCP, PIP,
     * DIP per finger, 12 joints) with the limits of its {@link HandSpec}: fingers rise along the
     * flange's +z from the palm top (z = 0.03 m) at x = +0.035 m (y = -0.028, 0, 0.028) and the thumb
     * at x = -0.035 m; positive angles curl towards x = 0.
     */
    public static HandKinematics simFourFinger(HandSpec spec) {
        double[] len = {0.05, 0.035, 0.03};
        double[][] base = {{0.035, -0.028}, {0.035, 0}, {0.035, 0.028}, {-0.035, 0}};
        String[] names = {"index", "middle", "ring", "thumb"};
        Finger[] f = new Finger[4];
        for (int i = 0; i < 4; i++) {
            double side = Math.signum(base[i][0]);
            f[i] = new Finger(names[i], new Vector3d(base[i][0], base[i][1], 0.03), new Vector3d(0, -side, 0),
                    new Vector3d(0, 0, 1), len, 3 * i);
        }
        return new HandKinematics(List.of(f), spec.limits().lower(), spec.limits().upper());
    }

    public List<Finger> fingers() {
        return fingers;
    }

    public int dof() {
        return lower.length;
    }

    public double lower(int joint) {
        return lower[joint];
    }

    public double upper(int joint) {
        return upper[joint];
    }

    /** Tip position of a finger for the hand's joint vector {@code q}, into {@code out}. */
    public Vector3d tip(int finger, double[] q, Vector3d out, Vector3d scratch) {
        Finger f = fingers.get(finger);
        out.set(f.base());
        double angle = 0;
        for (int j = 0; j < f.joints(); j++) {
            angle += q[f.firstJoint() + j];
            scratch.set(f.direction()).rotateAxis(angle, f.axis().x, f.axis().y, f.axis().z);
            out.fma(f.lengths()[j], scratch);
        }
        return out;
    }

    /**
     * Jacobian of a finger's tip position w.r.t. its own joints: column j (3 values, row-major 3×n in
     * {@code jac}) is axis × (tip − joint j).
     */
    public void tipJacobian(int finger, double[] q, double[] jac, Vector3d tip, Vector3d joint, Vector3d scratch) {
        Finger f = fingers.get(finger);
        tip(finger, q, tip, scratch);
        joint.set(f.base());
        double angle = 0;
        int n = f.joints();
        Vector3d a = f.axis();
        for (int j = 0; j < n; j++) {
            double rx = tip.x - joint.x;
            double ry = tip.y - joint.y;
            double rz = tip.z - joint.z;
            jac[j] = a.y * rz - a.z * ry;
            jac[n + j] = a.z * rx - a.x * rz;
            jac[2 * n + j] = a.x * ry - a.y * rx;
            angle += q[f.firstJoint() + j];
            scratch.set(f.direction()).rotateAxis(angle, a.x, a.y, a.z);
            joint.fma(f.lengths()[j], scratch);
        }
    }
}
