package studio.tandem.teleop.sim;

import java.util.List;
import java.util.Random;
import org.joml.Matrix4d;
import org.ode4j.math.DQuaternionC;
import org.ode4j.math.DVector3C;
import org.ode4j.ode.DBody;
import studio.tandem.teleop.kinematics.DhChain;
import studio.tandem.teleop.robot.HandSpec;

/**
 * The simulated station's physics: a UR5e (kinematic links following velocity- and acceleration-limited
 * joint position control), a hand or gripper on its flange, a table (top at z = 0) and graspable objects
 * placed from the seed. World frame = arm base frame, metres, z up.
 *
 * <p>Stepped by one thread only (the station's physics thread, or a test by hand). Each {@link #step()}
 * advances by exactly one physics period; no allocation in the step apart from the engine's own
 * contact joints.
 */
public final class SimWorld implements AutoCloseable {
    /** Arm joint acceleration limit (rad/s²). */
    public static final double ARM_MAX_ACCELERATION = 12;
    private static final float[] TABLE_RGBA = {0.55f, 0.45f, 0.35f, 1};

    private final SimConfig config;
    private final double dt;
    private final PhysicsWorld physics;
    private final SceneRegistry registry;
    private final DhChain chain;
    private final ArmBodies arm;
    private final HandBodies hand;
    private final DBody[] objects;
    private final double[] q = new double[6];
    private final double[] qd = new double[6];
    private final double[] armTarget = new double[6];
    private final double[] handTarget;
    private final double[] handQ;
    private long steps;

    public SimWorld(SimConfig config) {
        this.config = config;
        this.dt = config.periodNanos() / 1e9;
        physics = new PhysicsWorld(config.seed());
        registry = new SceneRegistry(physics);
        registry.geom("table", Shape.BOX, new double[] {1.6, 1.4, 0.04}, TABLE_RGBA, null, Collision.TABLE)
                .setPosition(-0.3, 0, -0.02);
        System.arraycopy(config.armStart(), 0, q, 0, 6);
        System.arraycopy(q, 0, armTarget, 0, 6);
        arm = new ArmBodies(DhChain.ur5e(), registry, q);
        Matrix4d flange = new Matrix4d(arm.flange());
        hand = config.hand() == HandSpec.Kind.PARALLEL_GRIPPER
                ? new ParallelGripper(registry, flange, "gripper")
                : new MultiFingerHand(registry, flange, "hand");
        chain = DhChain.ur5e().withToolZ(hand.toolZ());
        physics.setFingertips(hand.fingertips());
        handTarget = hand.spec().open().clone();
        handQ = new double[hand.spec().dof()];
        objects = placeObjects(config.objects(), new Random(config.seed()));
        hand.readJoints(handQ);
    }

    private DBody[] placeObjects(List<ObjectSpec> specs, Random rnd) {
        DBody[] out = new DBody[specs.size()];
        double[][] placed = new double[specs.size()][];
        for (int i = 0; i < specs.size(); i++) {
            ObjectSpec s = specs.get(i);
            double[] xy = freeSpot(rnd, s.footprintRadius(), placed, specs, i);
            placed[i] = xy;
            DBody b = registry.body(s.shape(), s.dims(), s.massKg());
            Matrix4d pose = new Matrix4d().translation(xy[0], xy[1], s.restingHalfHeight() + 0.0005)
                    .rotateZ(rnd.nextDouble() * Math.PI);
            registry.setPose(b, pose);
            b.setLinearDamping(0.001);
            b.setAngularDamping(0.005);
            PhysicsWorld.enableAutoDisable(b);
            registry.geom(s.name(), s.shape(), s.dims(), s.rgba(), b, Collision.OBJECT);
            out[i] = b;
        }
        return out;
    }

    /** Rejection-samples a spot in the reachable table area that overlaps no placed object. */
    private static double[] freeSpot(Random rnd, double r, double[][] placed, List<ObjectSpec> specs, int n) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            double x = -0.62 + rnd.nextDouble() * 0.24;
            double y = -0.33 + rnd.nextDouble() * 0.38;
            boolean free = true;
            for (int j = 0; j < n && free; j++) {
                double dx = x - placed[j][0];
                double dy = y - placed[j][1];
                free = Math.hypot(dx, dy) > r + specs.get(j).footprintRadius() + 0.03;
            }
            if (free) {
                return new double[] {x, y};
            }
        }
        throw new IllegalArgumentException("sim: objects do not fit on the table (" + specs.size() + " objects)");
    }

    public SimConfig config() {
        return config;
    }

    /** The arm model including the hand's tool offset (TCP = grasp centre). */
    public DhChain chain() {
        return chain;
    }

    public studio.tandem.teleop.robot.HandKinematics handKinematics() {
        return hand.kinematics();
    }

    public HandSpec handSpec() {
        return hand.spec();
    }

    public List<SceneBody> bodies() {
        return registry.bodies();
    }

    public List<ObjectSpec> objectSpecs() {
        return config.objects();
    }

    /** Physics period (s). */
    public double dt() {
        return dt;
    }

    public long steps() {
        return steps;
    }

    /** Fingertip contacts missing from tactile for lack of feedback slots (counted). */
    public long tipContactsDropped() {
        return physics.tipContactsDropped();
    }

    /** Sets the arm joint position targets (rad); already clamped by the caller. */
    public void setArmTarget(double[] target) {
        System.arraycopy(target, 0, armTarget, 0, 6);
    }

    /** Sets the hand joint targets (joint units); already clamped by the caller. */
    public void setHandTarget(double[] target) {
        System.arraycopy(target, 0, handTarget, 0, handTarget.length);
    }

    /** Advances by one physics period. */
    public void step() {
        trackArmTarget();
        arm.place(q, dt);
        hand.followFlange(arm.flange(), dt);
        hand.drive(handTarget);
        physics.step(dt);
        hand.readJoints(handQ);
        steps++;
    }

    /** Velocity- and acceleration-limited tracking of the joint targets, braking to stop on target. */
    private void trackArmTarget() {
        double[] vmax = chain.limits().maxVelocity();
        double dv = ARM_MAX_ACCELERATION * dt;
        for (int i = 0; i < 6; i++) {
            double e = armTarget[i] - q[i];
            double brake = Math.sqrt(2 * ARM_MAX_ACCELERATION * Math.abs(e));
            double want = Math.signum(e) * Math.min(Math.min(vmax[i], brake), Math.abs(e) / dt);
            double v = Math.max(qd[i] - dv, Math.min(qd[i] + dv, want));
            if (Math.abs(e) < 1e-9 && Math.abs(v) < dv) {
                v = 0;
            }
            qd[i] = v;
            q[i] += v * dt;
        }
    }

    /** Writes the current state, stamped {@code stampNanos}, into {@code out} (see {@link #newSnapshot()}). */
    public void snapshot(SimSnapshot out, long stampNanos) {
        double[] d = out.data;
        d[0] = steps * (double) config.periodNanos();
        d[1] = steps;
        d[2] = stampNanos;
        System.arraycopy(q, 0, d, 3, 6);
        System.arraycopy(qd, 0, d, 9, 6);
        System.arraycopy(handQ, 0, d, 15, handQ.length);
        int t = 15 + handQ.length;
        double[] force = physics.tipForces();
        System.arraycopy(force, 0, d, t, force.length);
        System.arraycopy(physics.tipNormals(), 0, d, t + force.length, 3 * force.length);
        int o = out.objectOffset();
        for (int i = 0; i < objects.length; i++) {
            DVector3C p = objects[i].getPosition();
            DQuaternionC r = objects[i].getQuaternion();
            d[o + 7 * i] = p.get0();
            d[o + 7 * i + 1] = p.get1();
            d[o + 7 * i + 2] = p.get2();
            d[o + 7 * i + 3] = r.get1();
            d[o + 7 * i + 4] = r.get2();
            d[o + 7 * i + 5] = r.get3();
            d[o + 7 * i + 6] = r.get0();
        }
        registry.writePoses(d, out.bodyOffset());
    }

    /** A snapshot sized for this world. */
    public SimSnapshot newSnapshot() {
        return new SimSnapshot(handQ.length, hand.spec().fingertips(), objects.length, registry.size());
    }

    @Override
    public void close() {
        physics.close();
    }
}
