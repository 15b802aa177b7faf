package studio.tandem.teleop.script;

import org.joml.Matrix4d;

/**
 * Ready-made scripted operators (reach, grasp, lift, place, push) built from the basic steps. Poses are in
 * the arm's base frame (m); "top-down" means the TCP z axis points down (−z) with the fingers' opposition
 * axis at the given yaw (rad about +z).
 */
public final class Scripts {
    /** Approach height above the grasp pose (m). */
    public static final double APPROACH = 0.12;
    private static final long SECOND = 1_000_000_000L;

    private Scripts() {
    }

    /** A top-down TCP pose at (x, y, z) with the hand's x axis at {@code yaw} (rad). */
    public static Matrix4d topDown(double x, double y, double z, double yaw) {
        return new Matrix4d().translation(x, y, z).rotateZ(yaw).rotateX(Math.PI);
    }

    /** Reach above, descend, close, lift {@code liftHeight} m: grasps an object at {@code grasp}. */
    public static Sequence graspAndLift(OperatorIo io, Matrix4d grasp, double liftHeight) {
        Matrix4d above = new Matrix4d(grasp).translateLocal(0, 0, APPROACH);
        Matrix4d lifted = new Matrix4d(grasp).translateLocal(0, 0, liftHeight);
        return new Sequence("grasp-and-lift",
                new SetClosure("open", io, 0, SECOND / 4),
                new MoveTcp("reach", io, above, 0.25, 0.01),
                new MoveTcp("descend", io, grasp, 0.08, 0.004),
                new SetClosure("close", io, 1, SECOND),
                new Wait(SECOND / 4),
                new MoveTcp("lift", io, lifted, 0.08, 0.01));
    }

    /**
     * Grasp-and-lift, carry to {@code place}, lower, open, let the fingers finish opening (a ramped
     * closure command runs ahead of the motors; retreating earlier drags the object along), retreat.
     */
    public static Sequence pickAndPlace(OperatorIo io, Matrix4d grasp, Matrix4d place) {
        Matrix4d placeAbove = new Matrix4d(place).translateLocal(0, 0, APPROACH);
        return new Sequence("pick-and-place",
                graspAndLift(io, grasp, APPROACH),
                new MoveTcp("carry", io, placeAbove, 0.15, 0.01),
                new MoveTcp("lower", io, place, 0.06, 0.005),
                new SetClosure("release", io, 0, SECOND / 2),
                new Wait(SECOND / 2),
                new MoveTcp("retreat", io, placeAbove, 0.15, 0.01));
    }

    /**
     * Pushes along the table: closes the hand, goes to {@code start} from above, slides the TCP to
     * {@code end} (same height), then rises.
     */
    public static Sequence push(OperatorIo io, Matrix4d start, Matrix4d end) {
        Matrix4d above = new Matrix4d(start).translateLocal(0, 0, APPROACH);
        Matrix4d endAbove = new Matrix4d(end).translateLocal(0, 0, APPROACH);
        return new Sequence("push",
                new SetClosure("fist", io, 1, SECOND / 2),
                new MoveTcp("reach", io, above, 0.25, 0.01),
                new MoveTcp("lower", io, start, 0.08, 0.005),
                new MoveTcp("slide", io, end, 0.08, 0.01),
                new MoveTcp("rise", io, endAbove, 0.15, 0.01));
    }
}
