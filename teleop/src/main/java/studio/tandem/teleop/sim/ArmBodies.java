package studio.tandem.teleop.sim;

import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.ode4j.ode.DBody;
import studio.tandem.teleop.kinematics.DhChain;
import studio.tandem.teleop.kinematics.ForwardKinematics;
import studio.tandem.teleop.kinematics.Rotations;

/**
 * The arm's links as kinematic capsules (one per DH link, from frame i−1 to frame i) that follow the
 * joint positions exactly and carry the matching velocities into contacts, so the arm pushes objects
 * but is never pushed back (a position-controlled industrial arm). Physics thread.
 */
final class ArmBodies {
    private static final float[] LINK_RGBA = {0.7f, 0.72f, 0.75f, 1};
    private static final float[] JOINT_RGBA = {0.25f, 0.45f, 0.7f, 1};

    private final ForwardKinematics fk;
    private final int n;
    private final DBody[] links;
    private final Matrix4d[] local;
    private final Matrix4d[] frames;
    private final Matrix4d[] previous;
    private final Matrix4d world = new Matrix4d();
    private final double[] omega = new double[3];
    private final SceneRegistry registry;

    ArmBodies(DhChain chain, SceneRegistry registry, double[] q0) {
        this.fk = new ForwardKinematics(chain.withToolZ(0));
        this.registry = registry;
        this.n = chain.dof();
        links = new DBody[n];
        local = new Matrix4d[n];
        frames = new Matrix4d[n + 1];
        previous = new Matrix4d[n];
        for (int i = 0; i <= n; i++) {
            frames[i] = new Matrix4d();
        }
        registry.geom("base", Shape.CYLINDER, new double[] {0.075, 0.1, 0}, JOINT_RGBA, null, Collision.ARM)
                .setPosition(0, 0, 0.05);
        double[] zero = new double[n];
        fk.frames(zero, frames);
        for (int i = 0; i < n; i++) {
            local[i] = linkOffset(frames[i], frames[i + 1]);
            double len = segmentLength(frames[i], frames[i + 1]);
            double radius = i < 3 ? 0.05 : 0.04;
            double[] dims = {radius, Math.max(0.01, len - radius), 0};
            links[i] = registry.body(Shape.CAPSULE, dims, 0);
            registry.geom(chain.name() + ".link" + (i + 1), Shape.CAPSULE, dims,
                    i % 2 == 0 ? LINK_RGBA : JOINT_RGBA, links[i], Collision.ARM);
            previous[i] = new Matrix4d();
        }
        place(q0, 0);
    }

    /** Link i's capsule pose in frame i (at q = 0): centred on the segment, z along it. */
    private static Matrix4d linkOffset(Matrix4d from, Matrix4d to) {
        Matrix4d inv = new Matrix4d(to).invert();
        Vector3d a = inv.transformPosition(new Vector3d(from.m30(), from.m31(), from.m32()));
        Vector3d mid = new Vector3d(a).mul(0.5);
        Vector3d dir = a.length() < 1e-9 ? new Vector3d(0, 0, 1) : new Vector3d(a).normalize();
        Matrix4d m = new Matrix4d().translation(mid);
        m.rotateTowards(dir, Math.abs(dir.z) > 0.9 ? new Vector3d(1, 0, 0) : new Vector3d(0, 0, 1));
        return m;
    }

    private static double segmentLength(Matrix4d a, Matrix4d b) {
        return Rotations.distance(a, b);
    }

    /**
     * Moves the link bodies to the pose of {@code q} (rad). With {@code dt} &gt; 0 their velocities are
     * set to the motion since the previous placement (m/s, rad/s), so contacts see a moving arm.
     */
    void place(double[] q, double dt) {
        fk.frames(q, frames);
        for (int i = 0; i < n; i++) {
            frames[i + 1].mul(local[i], world);
            registry.setPose(links[i], world);
            if (dt > 0) {
                double inv = 1 / dt;
                Rotations.orientationError(world, previous[i], omega);
                links[i].setLinearVel((world.m30() - previous[i].m30()) * inv,
                        (world.m31() - previous[i].m31()) * inv, (world.m32() - previous[i].m32()) * inv);
                links[i].setAngularVel(omega[0] * inv, omega[1] * inv, omega[2] * inv);
            } else {
                links[i].setLinearVel(0, 0, 0);
                links[i].setAngularVel(0, 0, 0);
            }
            previous[i].set(world);
        }
    }

    /** The flange (TCP without tool offset) pose of the last placement. The live matrix. */
    Matrix4d flange() {
        return frames[n];
    }
}
