package studio.tandem.teleop.kinematics;

/** Tiny allocation-free dense solvers for 6×6 symmetric positive (semi-)definite systems. */
final class LinearAlgebra {
    private LinearAlgebra() {
    }

    /**
     * Determinant of the symmetric positive semi-definite row-major 6×6 matrix {@code a} (unchanged),
     * by Cholesky into {@code l} (≥ 36, overwritten). Returns 0 when not positive definite.
     */
    static double determinantSpd6(double[] a, double[] l) {
        double det = 1;
        System.arraycopy(a, 0, l, 0, 36);
        for (int j = 0; j < 6; j++) {
            double s = l[j * 6 + j];
            for (int k = 0; k < j; k++) {
                s -= l[j * 6 + k] * l[j * 6 + k];
            }
            if (s <= 0) {
                return 0;
            }
            double d = Math.sqrt(s);
            l[j * 6 + j] = d;
            det *= s;
            for (int i = j + 1; i < 6; i++) {
                double t = l[i * 6 + j];
                for (int k = 0; k < j; k++) {
                    t -= l[i * 6 + k] * l[j * 6 + k];
                }
                l[i * 6 + j] = t / d;
            }
        }
        return det;
    }

    /**
     * Solves {@code a · x = b} in place ({@code b} in {@code x}) for a symmetric positive definite
     * row-major 6×6 {@code a}, which is overwritten by its Cholesky factor. Returns false if not SPD.
     */
    static boolean solveSpd6(double[] a, double[] x) {
        for (int j = 0; j < 6; j++) {
            double s = a[j * 6 + j];
            for (int k = 0; k < j; k++) {
                s -= a[j * 6 + k] * a[j * 6 + k];
            }
            if (!(s > 0)) {
                return false;
            }
            double d = Math.sqrt(s);
            a[j * 6 + j] = d;
            for (int i = j + 1; i < 6; i++) {
                double t = a[i * 6 + j];
                for (int k = 0; k < j; k++) {
                    t -= a[i * 6 + k] * a[j * 6 + k];
                }
                a[i * 6 + j] = t / d;
            }
        }
        for (int i = 0; i < 6; i++) {
            double t = x[i];
            for (int k = 0; k < i; k++) {
                t -= a[i * 6 + k] * x[k];
            }
            x[i] = t / a[i * 6 + i];
        }
        for (int i = 5; i >= 0; i--) {
            double t = x[i];
            for (int k = i + 1; k < 6; k++) {
                t -= a[k * 6 + i] * x[k];
            }
            x[i] = t / a[i * 6 + i];
        }
        return true;
    }
}
