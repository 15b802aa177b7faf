package studio.tandem.teleop.sim;

import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.ode4j.ode.DBody;
import org.ode4j.ode.DGeom;
import studio.tandem.teleop.kinematics.Rotations;
import studio.tandem.teleop.robot.HandKinematics;
import studio.tandem.teleop.robot.HandSpec;

/**
 * A simulated end effector: a kinematic palm rigidly mounted on the arm's flange, and dynamic fingers
 * on motorised joints (velocity motors with a force/torque limit and a proportional position loop), so a
 * grasp squeezes with bounded force and can hold, slip or fail. Physics thread.
 */
abstract class HandBodies {
    static final float[] PALM_RGBA = {0.2f, 0.2f, 0.22f, 1};
    static final float[] FINGER_RGBA = {0.85f, 0.6f, 0.45f, 1};
    static final float[] TIP_RGBA = {0.9f, 0.3f, 0.6f, 1};

    protected final SceneRegistry registry;
    protected final DBody palm;
    protected final Matrix4d palmLocal;
    private final HandSpec spec;
    private final HandKinematics kinematics;
    private final double toolZ;
    private final Matrix4d palmWorld = new Matrix4d();
    private final Matrix4d palmPrevious = new Matrix4d();
    private final double[] omega = new double[3];
    private final Vector3d tmp = new Vector3d();

    /**
     * @param spec the hand's joints, limits and fingertips
     * @param kinematics fingertip kinematics matching the bodies the subclass builds
     * @param toolZ distance from the flange to the grasp centre along the flange z axis (m)
     */
    HandBodies(SceneRegistry registry, Matrix4d flange, double[] palmDims, double palmCenterZ, String id,
               HandSpec spec, HandKinematics kinematics, double toolZ) {
        this.registry = registry;
        this.spec = spec;
        this.kinematics = kinematics;
        this.toolZ = toolZ;
        this.palmLocal = new Matrix4d().translation(0, 0, palmCenterZ);
        palm = registry.body(Shape.BOX, palmDims, 0);
        registry.geom(id + ".palm", Shape.BOX, palmDims, PALM_RGBA, palm, Collision.HAND);
        flange.mul(palmLocal, palmWorld);
        registry.setPose(palm, palmWorld);
        palmPrevious.set(palmWorld);
    }

    final HandSpec spec() {
        return spec;
    }

    /** Fingertip kinematics matching this body model. */
    final HandKinematics kinematics() {
        return kinematics;
    }

    /** Distance from the flange to the grasp centre along the flange z axis (m): the arm's tool offset. */
    final double toolZ() {
        return toolZ;
    }

    /** Sets the joint motors towards {@code targets} (joint units); called before each physics step. */
    abstract void drive(double[] targets);

    /** Reads the joint positions (joint units) into {@code q}. */
    abstract void readJoints(double[] q);

    /** Fingertip geometries, one per tactile channel, in {@link HandSpec#fingertipNames()} order. */
    abstract DGeom[] fingertips();

    /** Moves the palm to follow the flange, with matching velocities over {@code dt} seconds. */
    final void followFlange(Matrix4d flange, double dt) {
        flange.mul(palmLocal, palmWorld);
        registry.setPose(palm, palmWorld);
        if (dt > 0) {
            double inv = 1 / dt;
            Rotations.orientationError(palmWorld, palmPrevious, omega);
            palm.setLinearVel((palmWorld.m30() - palmPrevious.m30()) * inv,
                    (palmWorld.m31() - palmPrevious.m31()) * inv, (palmWorld.m32() - palmPrevious.m32()) * inv);
            palm.setAngularVel(omega[0] * inv, omega[1] * inv, omega[2] * inv);
        }
        palmPrevious.set(palmWorld);
    }

    /** A point given in the flange frame, in world coordinates (setup only). */
    protected Vector3d flangePoint(Matrix4d flange, double x, double y, double z) {
        return flange.transformPosition(new Vector3d(x, y, z));
    }

    /** A direction given in the flange frame, in world coordinates (setup only). */
    protected Vector3d flangeDirection(Matrix4d flange, double x, double y, double z) {
        return flange.transformDirection(tmp.set(x, y, z), new Vector3d());
    }

    static double velocityCommand(double target, double current, double gain, double maxVel) {
        double v = gain * (target - current);
        return Math.max(-maxVel, Math.min(maxVel, v));
    }
}
