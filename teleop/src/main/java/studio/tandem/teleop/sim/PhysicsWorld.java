package studio.tandem.teleop.sim;

import org.ode4j.math.DVector3;
import org.ode4j.ode.DBody;
import org.ode4j.ode.DContact;
import org.ode4j.ode.DContactBuffer;
import org.ode4j.ode.DContactJoint;
import org.ode4j.ode.DGeom;
import org.ode4j.ode.DJoint;
import org.ode4j.ode.DJointGroup;
import org.ode4j.ode.DSpace;
import org.ode4j.ode.DWorld;
import org.ode4j.ode.OdeConstants;
import org.ode4j.ode.OdeHelper;
import org.ode4j.ode.internal.Misc;

/**
 * The rigid-body world (ode4j, a pure-Java port of the Open Dynamics Engine): gravity along −z (m/s²),
 * SI units, world frame = robot base frame with the table top at z = 0. Collides every geometry pair
 * each step with friction cones, and measures the normal force on registered fingertip geometries
 * from the contact joints' feedback.
 *
 * <p>Determinism: ODE's quick-step solver reorders constraints with a process-wide random generator,
 * so every step reseeds it from (seed, step index) under a process-wide lock: the same seed and the
 * same commands give the same states, even with several worlds in one process.
 *
 * <p>Not thread-safe: owned by the physics thread.
 */
public final class PhysicsWorld implements AutoCloseable {
    private static final Object ODE_RNG_LOCK = new Object();
    /**
     * Contact points per colliding pair: 4 (a face on a face needs its corners, no more). With 20 solver
     * iterations and resting objects disabled, the physics CPU of a scripted pick-and-place at 480 Hz went
     * from 0.052–0.066 to 0.042–0.058 s per simulated second (best of 3–4 runs each, 2 cores under load
     * 7–14, so noisy), with the grasp, slip and push tests unchanged.
     */
    private static final int MAX_CONTACTS_PER_PAIR = 4;
    /** Quick-step solver iterations: 12 let the cube slip out of the hand during the carry; 20 hold it. */
    private static final int SOLVER_ITERATIONS = 20;
    private static final int MAX_TIP_CONTACTS = 256;

    static {
        OdeHelper.initODE2(0);
    }

    private final DWorld world;
    private final DSpace space;
    private final DJointGroup contacts;
    private final DContactBuffer buffer = new DContactBuffer(MAX_CONTACTS_PER_PAIR);
    private final DJoint.DJointFeedback[] feedback = new DJoint.DJointFeedback[MAX_TIP_CONTACTS];
    private final int[] feedbackTip = new int[MAX_TIP_CONTACTS];
    private final double[] feedbackNormal = new double[3 * MAX_TIP_CONTACTS];
    private final DGeom.DNearCallback nearCallback = this::near;
    private final long seed;
    private DGeom[] tips = new DGeom[0];
    private double[] tipForce = new double[0];
    private double[] tipNormal = new double[0];
    private int feedbackUsed;
    private long tipContactsDropped;
    private long steps;
    private int contactCount;

    public PhysicsWorld(long seed) {
        this.seed = seed;
        world = OdeHelper.createWorld();
        world.setGravity(0, 0, -9.81);
        world.setQuickStepNumIterations(SOLVER_ITERATIONS);
        world.setERP(0.3);
        world.setCFM(1e-6);
        world.setContactMaxCorrectingVel(0.5);
        world.setContactSurfaceLayer(0.0005);
        world.setAutoDisableFlag(false); // per body: only free objects rest (see enableAutoDisable)
        world.setAutoDisableLinearThreshold(0.003);
        world.setAutoDisableAngularThreshold(0.01);
        world.setAutoDisableSteps(48);
        space = OdeHelper.createSimpleSpace();
        contacts = OdeHelper.createJointGroup();
        for (int i = 0; i < MAX_TIP_CONTACTS; i++) {
            feedback[i] = new DJoint.DJointFeedback();
        }
    }

    public DWorld world() {
        return world;
    }

    public DSpace space() {
        return space;
    }

    /** Registers the fingertip geometries whose contact forces make up the tactile channels. */
    public void setFingertips(DGeom[] tipGeoms) {
        tips = tipGeoms.clone();
        tipForce = new double[tips.length];
        tipNormal = new double[3 * tips.length];
    }

    /**
     * Lets a free object fall asleep after it has rested (below 3 mm/s and 0.01 rad/s for 48 steps), so
     * resting objects cost the solver nothing; a contact with an awake body wakes it. Never for the hand:
     * its motors would not wake it.
     */
    static void enableAutoDisable(DBody b) {
        b.setAutoDisableDefaults();
        b.setAutoDisableFlag(true);
    }

    /** Assigns collision category bits to a geometry. */
    static void categorize(DGeom g, long category) {
        g.setCategoryBits(category);
        g.setCollideBits(Collision.collidesWith(category));
    }

    /** Advances the world by {@code dt} seconds: collide, solve, integrate, then measure tactile forces. */
    public void step(double dt) {
        feedbackUsed = 0;
        contactCount = 0;
        space.collide(null, nearCallback);
        synchronized (ODE_RNG_LOCK) {
            Misc.dRandSetSeed(seed * 0x9E3779B97F4A7C15L + steps);
            world.quickStep(dt);
        }
        contacts.empty();
        accumulateTactile();
        steps++;
    }

    public long steps() {
        return steps;
    }

    /** Contact points created in the last step. */
    public int lastContactCount() {
        return contactCount;
    }

    /** Fingertip contacts that found no feedback slot (their force is missing from tactile); counted. */
    public long tipContactsDropped() {
        return tipContactsDropped;
    }

    /** Normal force (N) on each registered fingertip in the last step. The live array. */
    public double[] tipForces() {
        return tipForce;
    }

    /** Force-weighted unit contact normal on each fingertip (3 per tip, world frame). The live array. */
    public double[] tipNormals() {
        return tipNormal;
    }

    private void near(Object data, DGeom o1, DGeom o2) {
        DBody b1 = o1.getBody();
        DBody b2 = o2.getBody();
        if (b1 == b2 || (isStaticLike(b1) && isStaticLike(b2))) {
            return;
        }
        int n = OdeHelper.collide(o1, o2, MAX_CONTACTS_PER_PAIR, buffer.getGeomBuffer());
        if (n > 0) {
            wakeIfPushedByKinematic(b1, b2);
            wakeIfPushedByKinematic(b2, b1);
        }
        int tip1 = tipIndex(o1);
        int tip2 = tipIndex(o2);
        double mu = tip1 >= 0 || tip2 >= 0 || isHand(o1) || isHand(o2) ? 1.2 : 0.5;
        for (int i = 0; i < n; i++) {
            DContact c = buffer.get(i);
            c.surface.mode = OdeConstants.dContactApprox1 | OdeConstants.dContactSoftERP
                    | OdeConstants.dContactSoftCFM;
            c.surface.mu = mu;
            c.surface.soft_erp = 0.3;
            c.surface.soft_cfm = 1e-5;
            c.surface.bounce = 0;
            DContactJoint j = OdeHelper.createContactJoint(world, contacts, c);
            j.attach(b1, b2);
            contactCount++;
            if (tip1 >= 0 || tip2 >= 0) {
                watch(j, c, tip1 >= 0 ? tip1 : tip2, tip1 >= 0);
            }
        }
    }

    private void watch(DContactJoint j, DContact c, int tip, boolean tipIsBody1) {
        if (feedbackUsed == MAX_TIP_CONTACTS) {
            tipContactsDropped++;
            return;
        }
        int k = feedbackUsed++;
        j.setFeedback(feedback[k]);
        feedbackTip[k] = tip;
        DVector3 nrm = c.geom.normal;
        double s = tipIsBody1 ? 1 : -1;
        feedbackNormal[3 * k] = s * nrm.get0();
        feedbackNormal[3 * k + 1] = s * nrm.get1();
        feedbackNormal[3 * k + 2] = s * nrm.get2();
    }

    private void accumulateTactile() {
        java.util.Arrays.fill(tipForce, 0);
        java.util.Arrays.fill(tipNormal, 0);
        for (int k = 0; k < feedbackUsed; k++) {
            // A contact pushes both bodies apart with equal and opposite forces; ode4j 0.5.3 reports the
            // whole contact force in one of the two feedback vectors (the other stays zero), so take the
            // larger normal component: correct either way.
            double nx = feedbackNormal[3 * k];
            double ny = feedbackNormal[3 * k + 1];
            double nz = feedbackNormal[3 * k + 2];
            double fn = Math.max(normalComponent(feedback[k].f1, nx, ny, nz),
                    normalComponent(feedback[k].f2, nx, ny, nz));
            int t = feedbackTip[k];
            tipForce[t] += fn;
            tipNormal[3 * t] += fn * nx;
            tipNormal[3 * t + 1] += fn * ny;
            tipNormal[3 * t + 2] += fn * nz;
        }
        for (int t = 0; t < tipForce.length; t++) {
            double len = Math.sqrt(tipNormal[3 * t] * tipNormal[3 * t] + tipNormal[3 * t + 1] * tipNormal[3 * t + 1]
                    + tipNormal[3 * t + 2] * tipNormal[3 * t + 2]);
            if (len > 1e-12) {
                tipNormal[3 * t] /= len;
                tipNormal[3 * t + 1] /= len;
                tipNormal[3 * t + 2] /= len;
            }
        }
    }

    private static double normalComponent(DVector3 f, double nx, double ny, double nz) {
        return Math.abs(f.get0() * nx + f.get1() * ny + f.get2() * nz);
    }

    private int tipIndex(DGeom g) {
        for (int i = 0; i < tips.length; i++) {
            if (tips[i] == g) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isHand(DGeom g) {
        return g.getCategoryBits() == Collision.HAND;
    }

    /** A kinematic body (the arm, the palm) does not wake a resting body through the solver: do it here. */
    private static void wakeIfPushedByKinematic(DBody b, DBody other) {
        if (b != null && !b.isEnabled() && other != null && other.isKinematic()) {
            b.enable();
        }
    }

    private static boolean isStaticLike(DBody b) {
        return b == null || b.isKinematic();
    }

    @Override
    public void close() {
        contacts.destroy();
        space.destroy();
        world.destroy();
    }
}
