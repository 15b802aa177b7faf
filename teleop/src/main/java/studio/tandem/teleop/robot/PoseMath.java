package studio.tandem.teleop.robot;

import org.joml.Matrix4d;

/** Allocation-free conversions between JOML poses and flat vectors. Any thread. */
public final class PoseMath {
    private PoseMath() {
    }

    /** Writes the unit quaternion (qx, qy, qz, qw, with qw ≥ 0) of m's rotation at {@code offset}. */
    public static void quaternion(Matrix4d m, double[] out, int offset) {
        double r00 = m.m00();
        double r11 = m.m11();
        double r22 = m.m22();
        double tr = r00 + r11 + r22;
        double x;
        double y;
        double z;
        double w;
        if (tr > 0) {
            double s = Math.sqrt(tr + 1) * 2;
            w = 0.25 * s;
            x = (m.m12() - m.m21()) / s;
            y = (m.m20() - m.m02()) / s;
            z = (m.m01() - m.m10()) / s;
        } else if (r00 > r11 && r00 > r22) {
            double s = Math.sqrt(1 + r00 - r11 - r22) * 2;
            w = (m.m12() - m.m21()) / s;
            x = 0.25 * s;
            y = (m.m10() + m.m01()) / s;
            z = (m.m20() + m.m02()) / s;
        } else if (r11 > r22) {
            double s = Math.sqrt(1 + r11 - r00 - r22) * 2;
            w = (m.m20() - m.m02()) / s;
            x = (m.m10() + m.m01()) / s;
            y = 0.25 * s;
            z = (m.m21() + m.m12()) / s;
        } else {
            double s = Math.sqrt(1 + r22 - r00 - r11) * 2;
            w = (m.m01() - m.m10()) / s;
            x = (m.m20() + m.m02()) / s;
            y = (m.m21() + m.m12()) / s;
            z = 0.25 * s;
        }
        double sign = w < 0 ? -1 : 1;
        out[offset] = sign * x;
        out[offset + 1] = sign * y;
        out[offset + 2] = sign * z;
        out[offset + 3] = sign * w;
    }

    /** Writes m into {@code out} (16 floats, column-major), as renderers expect. */
    public static void toColumnMajor(Matrix4d m, float[] out) {
        m.get(out);
    }
}
