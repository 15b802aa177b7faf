package studio.tandem.app.studio.collect;

import javafx.scene.transform.Affine;
import org.joml.Matrix4d;

/**
 * Places the 3D view's robot shapes on a {@link RobotPoseModel}'s frames: a unit cylinder (along y)
 * stretched between consecutive frame origins, a sphere at each origin, the hand block on the TCP
 * frame. Metres, robot base frame. FX thread; allocation-free.
 */
final class RobotLinks {
    private static final double MIN_LENGTH = 1e-4;

    private RobotLinks() {
    }

    static void pose(RobotPoseModel robot, Affine[] links, Affine[] joints, Affine hand) {
        for (int i = 0; i < joints.length; i++) {
            Matrix4d f = robot.frame(i);
            joints[i].setToTransform(1, 0, 0, f.m30(), 0, 1, 0, f.m31(), 0, 0, 1, f.m32());
        }
        for (int i = 0; i < links.length; i++) {
            segment(robot.frame(i), robot.frame(i + 1), links[i]);
        }
        Matrix4d t = robot.frame(joints.length - 1);
        hand.setToTransform(t.m00(), t.m10(), t.m20(), t.m30(), t.m01(), t.m11(), t.m21(), t.m31(),
                t.m02(), t.m12(), t.m22(), t.m32());
    }

    /** A unit y-cylinder from a's origin to b's origin (collapsed when they coincide). */
    static void segment(Matrix4d a, Matrix4d b, Affine out) {
        double dx = b.m30() - a.m30();
        double dy = b.m31() - a.m31();
        double dz = b.m32() - a.m32();
        double len = Math.sqrt(dx * dx + dy * dy + dz * dz);
        double mx = (a.m30() + b.m30()) / 2;
        double my = (a.m31() + b.m31()) / 2;
        double mz = (a.m32() + b.m32()) / 2;
        if (len < MIN_LENGTH) {
            out.setToTransform(1, 0, 0, mx, 0, 0, 0, my, 0, 0, 1, mz);
            return;
        }
        double ux = dx / len;
        double uy = dy / len;
        double uz = dz / len;
        // helper axis not parallel to u; c0 = normalize(u × h), c2 = c0 × u (right-handed: c0, u, c2)
        double hx = Math.abs(ux) < 0.9 ? 1 : 0;
        double hz = Math.abs(ux) < 0.9 ? 0 : 1;
        double c0x = uy * hz;
        double c0y = uz * hx - ux * hz;
        double c0z = -uy * hx;
        double n = Math.sqrt(c0x * c0x + c0y * c0y + c0z * c0z);
        c0x /= n;
        c0y /= n;
        c0z /= n;
        double c2x = c0y * uz - c0z * uy;
        double c2y = c0z * ux - c0x * uz;
        double c2z = c0x * uy - c0y * ux;
        out.setToTransform(c0x, ux * len, c2x, mx, c0y, uy * len, c2y, my, c0z, uz * len, c2z, mz);
    }
}
