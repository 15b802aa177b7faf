package studio.tandem.teleop.sim;

import java.util.ArrayList;
import java.util.List;
import org.joml.Matrix4d;
import org.ode4j.math.DMatrix3;
import org.ode4j.math.DMatrix3C;
import org.ode4j.math.DVector3C;
import org.ode4j.ode.DBody;
import org.ode4j.ode.DGeom;
import org.ode4j.ode.DMass;
import org.ode4j.ode.OdeHelper;

/** Creates the ODE bodies and geometries of the scene and keeps the renderable list. Physics thread. */
final class SceneRegistry {
    private final PhysicsWorld physics;
    private final List<SceneBody> bodies = new ArrayList<>();
    private final List<DGeom> geoms = new ArrayList<>();
    private final DMatrix3 rot = new DMatrix3();

    SceneRegistry(PhysicsWorld physics) {
        this.physics = physics;
    }

    org.ode4j.ode.DWorld physicsWorld() {
        return physics.world();
    }

    List<SceneBody> bodies() {
        return List.copyOf(bodies);
    }

    int size() {
        return bodies.size();
    }

    /** A geometry of the given shape, attached to {@code body} (null = static), registered for rendering. */
    DGeom geom(String name, Shape shape, double[] dims, float[] rgba, DBody body, long category) {
        DGeom g = switch (shape) {
            case BOX -> OdeHelper.createBox(physics.space(), dims[0], dims[1], dims[2]);
            case CYLINDER -> OdeHelper.createCylinder(physics.space(), dims[0], dims[1]);
            case SPHERE -> OdeHelper.createSphere(physics.space(), dims[0]);
            case CAPSULE -> OdeHelper.createCapsule(physics.space(), dims[0], dims[1]);
        };
        if (body != null) {
            g.setBody(body);
        }
        PhysicsWorld.categorize(g, category);
        bodies.add(new SceneBody(name, shape, dims, rgba, bodies.size()));
        geoms.add(g);
        return g;
    }

    /** A dynamic (or, with massKg ≤ 0, kinematic) body whose mass matches the shape. */
    DBody body(Shape shape, double[] dims, double massKg) {
        DBody b = OdeHelper.createBody(physics.world());
        if (massKg <= 0) {
            b.setKinematic();
            return b;
        }
        DMass m = OdeHelper.createMass();
        switch (shape) {
            case BOX -> m.setBoxTotal(massKg, dims[0], dims[1], dims[2]);
            case CYLINDER -> m.setCylinderTotal(massKg, 3, dims[0], dims[1]);
            case SPHERE -> m.setSphereTotal(massKg, dims[0]);
            case CAPSULE -> m.setCapsuleTotal(massKg, 3, dims[0], dims[1]);
        }
        b.setMass(m);
        return b;
    }

    /** Sets an ODE body's pose from a JOML transform (rotation part must be orthonormal). */
    void setPose(DBody b, Matrix4d pose) {
        rot.set(pose.m00(), pose.m10(), pose.m20(),
                pose.m01(), pose.m11(), pose.m21(),
                pose.m02(), pose.m12(), pose.m22());
        b.setRotation(rot);
        b.setPosition(pose.m30(), pose.m31(), pose.m32());
    }

    /** Writes every registered body's world pose (16 doubles, column-major) into {@code out} from {@code offset}. */
    void writePoses(double[] out, int offset) {
        for (int i = 0; i < geoms.size(); i++) {
            DGeom g = geoms.get(i);
            DVector3C p = g.getPosition();
            DMatrix3C r = g.getRotation();
            int o = offset + 16 * i;
            out[o] = r.get00();
            out[o + 1] = r.get10();
            out[o + 2] = r.get20();
            out[o + 3] = 0;
            out[o + 4] = r.get01();
            out[o + 5] = r.get11();
            out[o + 6] = r.get21();
            out[o + 7] = 0;
            out[o + 8] = r.get02();
            out[o + 9] = r.get12();
            out[o + 10] = r.get22();
            out[o + 11] = 0;
            out[o + 12] = p.get0();
            out[o + 13] = p.get1();
            out[o + 14] = p.get2();
            out[o + 15] = 1;
        }
    }
}
