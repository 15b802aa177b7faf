package studio.tandem.teleop.sim;

import java.util.List;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.ode4j.ode.DBody;
import org.ode4j.ode.DGeom;
import org.ode4j.ode.DSliderJoint;
import org.ode4j.ode.OdeHelper;
import studio.tandem.teleop.kinematics.JointLimits;
import studio.tandem.teleop.robot.HandKinematics;
import studio.tandem.teleop.robot.HandSpec;

/**
 * A parallel-jaw gripper in the spirit of a Robotiq 2F-85: one joint, the opening between the pads
 * (m, 0 … 0.085), two pads on force-limited slider motors, tactile on both pads. Physics thread.
 */
final class ParallelGripper extends HandBodies {
    static final double MAX_GAP = 0.085;
    private static final double PAD_THICKNESS = 0.012;
    private static final double PAD_Z = 0.065;
    private static final double MAX_FORCE = 60;
    private static final double MAX_SPEED = 0.15;
    private static final double GAIN = 20;

    private static final HandSpec SPEC = new HandSpec(HandSpec.Kind.PARALLEL_GRIPPER, List.of("gap"),
            new JointLimits(new double[] {0}, new double[] {MAX_GAP}, new double[] {2 * MAX_SPEED}),
            List.of("left_pad", "right_pad"), new double[] {MAX_GAP}, new double[] {0});
    private final DSliderJoint[] sliders = new DSliderJoint[2];
    private final DGeom[] pads = new DGeom[2];

    ParallelGripper(SceneRegistry registry, Matrix4d flange, String id) {
        super(registry, flange, new double[] {0.11, 0.05, 0.04}, 0.02, id, SPEC, KINEMATICS, 0.075);
        double[] dims = {PAD_THICKNESS, 0.022, 0.05};
        for (int s = 0; s < 2; s++) {
            double side = s == 0 ? 1 : -1;
            double x = side * (MAX_GAP / 2 + PAD_THICKNESS / 2);
            DBody pad = registry.body(Shape.BOX, dims, 0.05);
            registry.setPose(pad, new Matrix4d(flange).translate(x, 0, PAD_Z));
            pads[s] = registry.geom(id + (s == 0 ? ".left_pad" : ".right_pad"), Shape.BOX, dims, TIP_RGBA, pad,
                    Collision.HAND);
            DSliderJoint j = OdeHelper.createSliderJoint(registry.physicsWorld(), null);
            j.attach(pad, palm);
            Vector3d axis = flangeDirection(flange, -side, 0, 0);
            j.setAxis(axis.x, axis.y, axis.z);
            j.setParamLoStop(0);
            j.setParamHiStop(MAX_GAP / 2);
            j.setParamFMax(MAX_FORCE);
            sliders[s] = j;
        }
    }

    /** Pad centres (flange frame) for an opening q[0] (m). */
    static final HandKinematics KINEMATICS = buildKinematics();

    private static HandKinematics buildKinematics() {
        return new HandKinematics() {
            @Override
            public int fingertips() {
                return 2;
            }

            @Override
            public int firstJoint(int tip) {
                return 0;
            }

            @Override
            public int jointCount(int tip) {
                return 1;
            }

            @Override
            public void tipPosition(int tip, double[] q, double[] out, int offset) {
                double side = tip == 0 ? 1 : -1;
                out[offset] = side * (q[0] / 2 + PAD_THICKNESS / 2);
                out[offset + 1] = 0;
                out[offset + 2] = PAD_Z;
            }

            @Override
            public void tipJacobian(int tip, double[] q, double[] pos, double[] jac) {
                tipPosition(tip, q, pos, 0);
                jac[0] = tip == 0 ? 0.5 : -0.5;
                jac[1] = 0;
                jac[2] = 0;
            }
        };
    }

    @Override
    void drive(double[] targets) {
        double perPad = (MAX_GAP - targets[0]) / 2;
        for (DSliderJoint j : sliders) {
            j.setParamVel(velocityCommand(perPad, j.getPosition(), GAIN, MAX_SPEED));
        }
    }

    @Override
    void readJoints(double[] q) {
        q[0] = MAX_GAP - sliders[0].getPosition() - sliders[1].getPosition();
    }

    @Override
    DGeom[] fingertips() {
        return pads.clone();
    }
}
