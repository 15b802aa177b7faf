package studio.tandem.teleop.robot;

import java.util.List;

import org.joml.Vector3d;

/**
 * Fingertip kinematics of a hand whose fingers are planar chains of hinge joints, each finger's joints
 * turning about one shared axis from a base point (flange frame, metres; angles in rad, positive as the
 * hand's own convention). Fingers occupy consecutive joints in finger order. Immutable; any thread;
 * allocation-free per call.
 */
public final class HingeFingers implements HandKinematics {

    /**
     * One finger.
     *
     * @param name e.g. {@code index}
     * @param base position of the first joint, flange frame (m)
     * @param axis hinge axis shared by the finger's joints (normalized here)
     * @param direction direction of the straight finger at zero angles (normalized here)
     * @param lengths link lengths from joint to joint, the last one ending at the tip (m)
     */
    public record Finger(String name, Vector3d base, Vector3d axis, Vector3d direction, double[] lengths) {
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

    private final Finger[] fingers;
    private final int[] first;

    public HingeFingers(List<Finger> fingers) {
        this.fingers = fingers.toArray(new Finger[0]);
        this.first = new int[this.fingers.length];
        int n = 0;
        for (int f = 0; f < this.fingers.length; f++) {
            first[f] = n;
            n += this.fingers[f].joints();
        }
    }

    public Finger finger(int tip) {
        return fingers[tip];
    }

    @Override
    public int fingertips() {
        return fingers.length;
    }

    @Override
    public int firstJoint(int tip) {
        return first[tip];
    }

    @Override
    public int jointCount(int tip) {
        return fingers[tip].joints();
    }

    @Override
    public void tipPosition(int tip, double[] q, double[] out, int offset) {
        Finger f = fingers[tip];
        Vector3d b = f.base();
        double x = b.x;
        double y = b.y;
        double z = b.z;
        double angle = 0;
        for (int j = 0; j < f.joints(); j++) {
            angle += q[first[tip] + j];
            double len = f.lengths()[j];
            x += len * rotatedX(f, angle);
            y += len * rotatedY(f, angle);
            z += len * rotatedZ(f, angle);
        }
        out[offset] = x;
        out[offset + 1] = y;
        out[offset + 2] = z;
    }

    /** Column j of the Jacobian is axis × (tip − joint j). */
    @Override
    public void tipJacobian(int tip, double[] q, double[] pos, double[] jac) {
        tipPosition(tip, q, pos, 0);
        Finger f = fingers[tip];
        Vector3d a = f.axis();
        int n = f.joints();
        double jx = f.base().x;
        double jy = f.base().y;
        double jz = f.base().z;
        double angle = 0;
        for (int j = 0; j < n; j++) {
            double rx = pos[0] - jx;
            double ry = pos[1] - jy;
            double rz = pos[2] - jz;
            jac[j] = a.y * rz - a.z * ry;
            jac[n + j] = a.z * rx - a.x * rz;
            jac[2 * n + j] = a.x * ry - a.y * rx;
            angle += q[first[tip] + j];
            double len = f.lengths()[j];
            jx += len * rotatedX(f, angle);
            jy += len * rotatedY(f, angle);
            jz += len * rotatedZ(f, angle);
        }
    }

    // Rodrigues' rotation of the finger direction d about the unit axis a by angle t:
    // d cos t + (a × d) sin t + a (a · d)(1 − cos t)
    private static double rotatedX(Finger f, double t) {
        Vector3d a = f.axis();
        Vector3d d = f.direction();
        return d.x * Math.cos(t) + (a.y * d.z - a.z * d.y) * Math.sin(t) + a.x * a.dot(d) * (1 - Math.cos(t));
    }

    private static double rotatedY(Finger f, double t) {
        Vector3d a = f.axis();
        Vector3d d = f.direction();
        return d.y * Math.cos(t) + (a.z * d.x - a.x * d.z) * Math.sin(t) + a.y * a.dot(d) * (1 - Math.cos(t));
    }

    private static double rotatedZ(Finger f, double t) {
        Vector3d a = f.axis();
        Vector3d d = f.direction();
        return d.z * Math.cos(t) + (a.x * d.y - a.y * d.x) * Math.sin(t) + a.z * a.dot(d) * (1 - Math.cos(t));
    }
}
