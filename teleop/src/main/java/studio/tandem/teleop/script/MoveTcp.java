package studio.tandem.teleop.script;

import org.joml.Matrix4d;
import org.joml.Quaterniond;
import org.joml.Vector3d;
import studio.tandem.teleop.kinematics.Rotations;

/**
 * Moves the TCP in a straight line (and slerped orientation) from where it was last commanded to a target
 * pose (base frame) at a given speed, sending a Cartesian command every tick. Done when the path is
 * complete and the measured TCP is within the tolerance (or has settled).
 */
public final class MoveTcp implements Step {
    private final String name;
    private final OperatorIo io;
    private final Matrix4d target = new Matrix4d();
    private final double speed;
    private final double tolerance;
    private final Matrix4d from = new Matrix4d();
    private final Matrix4d pose = new Matrix4d();
    private final Quaterniond q0 = new Quaterniond();
    private final Quaterniond q1 = new Quaterniond();
    private final Quaterniond qi = new Quaterniond();
    private final Vector3d p0 = new Vector3d();
    private final Vector3d p1 = new Vector3d();
    private final Vector3d pi = new Vector3d();
    private long startNanos;
    private long durationNanos;
    private long settleDeadline;
    private boolean done;

    /**
     * @param speed TCP speed along the path (m/s), &gt; 0
     * @param tolerance done when the measured TCP is this close to the target (m)
     */
    public MoveTcp(String name, OperatorIo io, Matrix4d target, double speed, double tolerance) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException(name + ": speed must be > 0 m/s, was " + speed);
        }
        this.name = name;
        this.io = io;
        this.target.set(target);
        this.speed = speed;
        this.tolerance = tolerance;
    }

    @Override
    public String name() {
        return name;
    }

    /** Changes the target before the step starts (e.g. from a perception result). */
    public void setTarget(Matrix4d t) {
        target.set(t);
    }

    @Override
    public void start(long nowNanos) {
        io.commandedTcp(from);
        from.getTranslation(p0);
        target.getTranslation(p1);
        from.getNormalizedRotation(q0);
        target.getNormalizedRotation(q1);
        double angle = Rotations.angleBetween(from, target);
        double seconds = Math.max(p0.distance(p1) / speed, angle / (4 * speed));
        durationNanos = Math.max(1, (long) (seconds * 1e9));
        startNanos = nowNanos;
        settleDeadline = nowNanos + durationNanos + 1_000_000_000L;
        done = false;
    }

    @Override
    public void step(long nowNanos) {
        double s = Math.min(1, (nowNanos - startNanos) / (double) durationNanos);
        double smooth = s * s * (3 - 2 * s);
        p0.lerp(p1, smooth, pi);
        q0.slerp(q1, smooth, qi);
        pose.translationRotate(pi.x, pi.y, pi.z, qi);
        io.sendTcp(pose, nowNanos);
        if (s >= 1) {
            double err = Rotations.distance(io.readArm().tcp(), target);
            done = err < tolerance || nowNanos >= settleDeadline;
        }
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public void end(boolean interrupted) {
        // The arm holds the last commanded pose.
    }
}
