package studio.tandem.teleop.kinematics;

import org.joml.Matrix4d;

/**
 * Forward kinematics and the geometric Jacobian of a {@link DhChain}. All poses are in the chain's base
 * frame (metres, rad); matrices are JOML column-major homogeneous transforms.
 *
 * <p>Not thread-safe: each thread uses its own instance. Allocates nothing after construction.
 */
public final class ForwardKinematics {
    private final DhChain chain;
    private final int n;
    private final Matrix4d[] frames;
    private final Matrix4d link = new Matrix4d();

    public ForwardKinematics(DhChain chain) {
        this.chain = chain;
        this.n = chain.dof();
        this.frames = new Matrix4d[n + 1];
        for (int i = 0; i <= n; i++) {
            frames[i] = new Matrix4d();
        }
    }

    public DhChain chain() {
        return chain;
    }

    /** Writes the TCP pose for joint positions {@code q} (rad) into {@code out}; returns {@code out}. */
    public Matrix4d tcp(double[] q, Matrix4d out) {
        computeFrames(q);
        return out.set(frames[n]);
    }

    /**
     * Writes frame 0 (base) .. frame n (TCP, including the tool offset) for {@code q} into {@code out},
     * which must hold at least {@code dof + 1} matrices.
     */
    public void frames(double[] q, Matrix4d[] out) {
        computeFrames(q);
        for (int i = 0; i <= n; i++) {
            out[i].set(frames[i]);
        }
    }

    /**
     * Writes the 6×n geometric Jacobian of the TCP at {@code q}, row-major into {@code out} (length ≥ 6n):
     * rows 0–2 linear velocity (m/s per rad/s), rows 3–5 angular velocity (rad/s per rad/s), base frame.
     * Also leaves the TCP pose in {@code tcpOut} if it is not null.
     */
    public void jacobian(double[] q, double[] out, Matrix4d tcpOut) {
        computeFrames(q);
        Matrix4d e = frames[n];
        double px = e.m30();
        double py = e.m31();
        double pz = e.m32();
        for (int i = 0; i < n; i++) {
            Matrix4d f = frames[i];
            double zx = f.m20();
            double zy = f.m21();
            double zz = f.m22();
            double rx = px - f.m30();
            double ry = py - f.m31();
            double rz = pz - f.m32();
            out[i] = zy * rz - zz * ry;
            out[n + i] = zz * rx - zx * rz;
            out[2 * n + i] = zx * ry - zy * rx;
            out[3 * n + i] = zx;
            out[4 * n + i] = zy;
            out[5 * n + i] = zz;
        }
        if (tcpOut != null) {
            tcpOut.set(e);
        }
    }

    private void computeFrames(double[] q) {
        frames[0].identity();
        double[] d = chain.d();
        double[] a = chain.a();
        double[] alpha = chain.alpha();
        for (int i = 0; i < n; i++) {
            double ct = Math.cos(q[i]);
            double st = Math.sin(q[i]);
            double ca = Math.cos(alpha[i]);
            double sa = Math.sin(alpha[i]);
            link.set(ct, st, 0, 0,
                    -st * ca, ct * ca, sa, 0,
                    st * sa, -ct * sa, ca, 0,
                    a[i] * ct, a[i] * st, d[i], 1);
            frames[i].mul(link, frames[i + 1]);
        }
        if (chain.toolZ() != 0) {
            frames[n].translate(0, 0, chain.toolZ());
        }
    }
}
