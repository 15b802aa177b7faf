package studio.tandem.teleop.sim;

import java.util.ArrayList;
import java.util.List;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.ode4j.ode.DBody;
import org.ode4j.ode.DGeom;
import org.ode4j.ode.DHingeJoint;
import org.ode4j.ode.OdeHelper;
import studio.tandem.teleop.kinematics.JointLimits;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.robot.HingeFingers;

/**
 * A four-finger hand (index, middle, ring opposed by the thumb), three flexion joints per finger
 * (MCP, PIP, DIP; 12 joints, rad, positive = curl towards the palm centre line), fingertip tactile on
 * the distal links. Fingers are capsules on hinge motors with torque limits. Physics thread.
 */
final class MultiFingerHand extends HandBodies {
    private static final String[] FINGERS = {"index", "middle", "ring", "thumb"};
    private static final String[] JOINTS = {"mcp", "pip", "dip"};
    private static final double[] LENGTH = {0.05, 0.035, 0.03};
    private static final double RADIUS = 0.009;
    private static final double[] MAX_TORQUE = {0.8, 0.5, 0.3};
    private static final double GAIN = 15;
    private static final double MAX_SPEED = 3;
    private static final double PALM_TOP = 0.03;
    /** Finger base positions (x, y) on the palm, flange frame: three fingers opposed by the thumb. */
    private static final double[][] BASE = {{0.035, -0.028}, {0.035, 0}, {0.035, 0.028}, {-0.035, 0}};

    private final DHingeJoint[] hinges = new DHingeJoint[12];
    private final DGeom[] tips = new DGeom[4];

    MultiFingerHand(SceneRegistry registry, Matrix4d flange, String id) {
        super(registry, flange, new double[] {0.09, 0.08, 0.02}, 0.02, id, buildSpec(), KINEMATICS, 0.12);
        for (int f = 0; f < 4; f++) {
            buildFinger(flange, id, f, BASE[f][0], BASE[f][1]);
        }
    }

    private static HandSpec buildSpec() {
        List<String> names = new ArrayList<>();
        double[] lo = new double[12];
        double[] hi = new double[12];
        double[] vel = new double[12];
        double[] open = new double[12];
        double[] closed = new double[12];
        for (int f = 0; f < 4; f++) {
            for (int j = 0; j < 3; j++) {
                int k = 3 * f + j;
                names.add(FINGERS[f] + "_" + JOINTS[j]);
                lo[k] = j == 0 ? -0.5 : 0;
                hi[k] = j == 0 ? 1.6 : 1.7;
                vel[k] = MAX_SPEED;
                open[k] = j == 0 ? -0.35 : 0;
                closed[k] = j == 0 ? 1.1 : (j == 1 ? 0.9 : 0.6);
            }
        }
        return new HandSpec(HandSpec.Kind.MULTI_FINGER, names, new JointLimits(lo, hi, vel),
                List.of("index_tip", "middle_tip", "ring_tip", "thumb_tip"), open, closed);
    }

    private void buildFinger(Matrix4d flange, String id, int f, double x, double y) {
        Vector3d local = hingeAxis(f);
        Vector3d axis = flangeDirection(flange, local.x, local.y, local.z);
        DBody parent = palm;
        double z = PALM_TOP;
        for (int j = 0; j < 3; j++) {
            double[] dims = {RADIUS, LENGTH[j] - RADIUS, 0};
            DBody link = registry.body(Shape.CAPSULE, dims, 0.012);
            Matrix4d pose = new Matrix4d(flange).translate(x, y, z + LENGTH[j] / 2);
            registry.setPose(link, pose);
            DGeom g = registry.geom(id + "." + FINGERS[f] + "_" + JOINTS[j], Shape.CAPSULE, dims,
                    j == 2 ? TIP_RGBA : FINGER_RGBA, link, Collision.HAND);
            DHingeJoint h = OdeHelper.createHingeJoint(registry.physicsWorld(), null);
            h.attach(link, parent);
            Vector3d anchor = flangePoint(flange, x, y, z);
            h.setAnchor(anchor.x, anchor.y, anchor.z);
            h.setAxis(axis.x, axis.y, axis.z);
            int k = 3 * f + j;
            h.setParamLoStop(spec().limits().lower()[k]);
            h.setParamHiStop(spec().limits().upper()[k]);
            h.setParamFMax(MAX_TORQUE[j]);
            hinges[k] = h;
            if (j == 2) {
                tips[f] = g;
            }
            parent = link;
            z += LENGTH[j];
        }
    }

    /**
     * Fingertip kinematics of this hand, from the same constants as its bodies: each finger flexes in
     * its own plane (y = const) about an axis through its base; the tip is the end of the distal link.
     */
    static final HingeFingers KINEMATICS = buildKinematics();

    private static HingeFingers buildKinematics() {
        List<HingeFingers.Finger> fingers = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            fingers.add(new HingeFingers.Finger(FINGERS[f], new Vector3d(BASE[f][0], BASE[f][1], PALM_TOP),
                    hingeAxis(f), new Vector3d(0, 0, 1), LENGTH));
        }
        return new HingeFingers(fingers);
    }

    /** Hinge axis of finger f in the flange frame: positive angles curl towards x = 0. */
    private static Vector3d hingeAxis(int f) {
        return new Vector3d(0, -Math.signum(BASE[f][0]), 0);
    }

    @Override
    void drive(double[] targets) {
        for (int k = 0; k < hinges.length; k++) {
            hinges[k].setParamVel(velocityCommand(targets[k], hinges[k].getAngle(), GAIN, MAX_SPEED));
        }
    }

    @Override
    void readJoints(double[] q) {
        for (int k = 0; k < hinges.length; k++) {
            q[k] = hinges[k].getAngle();
        }
    }

    @Override
    DGeom[] fingertips() {
        return tips.clone();
    }
}
