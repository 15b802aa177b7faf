package studio.tandem.teleop.kinematics;

import org.joml.Matrix4d;

/** Small allocation-free rotation helpers on JOML matrices (rotation part only). Any thread. */
public final class Rotations {
    private Rotations() {
    }

    /**
     * Writes the rotation vector (axis · angle, rad, base frame) that rotates the orientation of
     * {@code current} onto that of {@code target}: log(R_target · R_currentᵀ). Returns the angle.
     */
    public static double orientationError(Matrix4d target, Matrix4d current, double[] out3) {
        // M = Rt * Rc^T ; JOML mCR = column C, row R.
        double m00 = target.m00() * current.m00() + target.m10() * current.m10() + target.m20() * current.m20();
        double m01 = target.m00() * current.m01() + target.m10() * current.m11() + target.m20() * current.m21();
        double m02 = target.m00() * current.m02() + target.m10() * current.m12() + target.m20() * current.m22();
        double m10 = target.m01() * current.m00() + target.m11() * current.m10() + target.m21() * current.m20();
        double m11 = target.m01() * current.m01() + target.m11() * current.m11() + target.m21() * current.m21();
        double m12 = target.m01() * current.m02() + target.m11() * current.m12() + target.m21() * current.m22();
        double m20 = target.m02() * current.m00() + target.m12() * current.m10() + target.m22() * current.m20();
        double m21 = target.m02() * current.m01() + target.m12() * current.m11() + target.m22() * current.m21();
        double m22 = target.m02() * current.m02() + target.m12() * current.m12() + target.m22() * current.m22();
        return logMap(m00, m01, m02, m10, m11, m12, m20, m21, m22, out3);
    }

    /** Rotation vector of the row-major rotation matrix m; returns the angle in [0, π]. */
    static double logMap(double m00, double m01, double m02, double m10, double m11, double m12,
                         double m20, double m21, double m22, double[] out) {
        double c = Math.max(-1, Math.min(1, (m00 + m11 + m22 - 1) * 0.5));
        double angle = Math.acos(c);
        double vx = m21 - m12;
        double vy = m02 - m20;
        double vz = m10 - m01;
        if (angle < 1e-7) {
            out[0] = 0.5 * vx;
            out[1] = 0.5 * vy;
            out[2] = 0.5 * vz;
        } else if (angle < Math.PI - 1e-3) {
            double k = angle / (2 * Math.sin(angle));
            out[0] = k * vx;
            out[1] = k * vy;
            out[2] = k * vz;
        } else {
            double x = Math.sqrt(Math.max(0, (m00 + 1) * 0.5));
            double y = Math.sqrt(Math.max(0, (m11 + 1) * 0.5));
            double z = Math.sqrt(Math.max(0, (m22 + 1) * 0.5));
            if (x >= y && x >= z) {
                y = (m01 + m10) / (4 * x);
                z = (m02 + m20) / (4 * x);
            } else if (y >= z) {
                x = (m01 + m10) / (4 * y);
                z = (m12 + m21) / (4 * y);
            } else {
                x = (m02 + m20) / (4 * z);
                y = (m12 + m21) / (4 * z);
            }
            double sign = (x * vx + y * vy + z * vz) < 0 ? -1 : 1;
            double norm = Math.sqrt(x * x + y * y + z * z);
            out[0] = sign * angle * x / norm;
            out[1] = sign * angle * y / norm;
            out[2] = sign * angle * z / norm;
        }
        return angle;
    }

    /** Angle (rad) between the orientations of two poses. */
    public static double angleBetween(Matrix4d a, Matrix4d b) {
        double tr = a.m00() * b.m00() + a.m01() * b.m01() + a.m02() * b.m02()
                + a.m10() * b.m10() + a.m11() * b.m11() + a.m12() * b.m12()
                + a.m20() * b.m20() + a.m21() * b.m21() + a.m22() * b.m22();
        return Math.acos(Math.max(-1, Math.min(1, (tr - 1) * 0.5)));
    }

    /** Distance (m) between the translations of two poses. */
    public static double distance(Matrix4d a, Matrix4d b) {
        double dx = a.m30() - b.m30();
        double dy = a.m31() - b.m31();
        double dz = a.m32() - b.m32();
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
