package studio.tandem.app.studio.collect;

import org.joml.Matrix4d;
import studio.tandem.teleop.kinematics.DhChain;
import studio.tandem.teleop.kinematics.ForwardKinematics;

/**
 * The arm's pose for the 3D view, from the station's joint state through forward kinematics, whatever
 * the station (simulated or real): frame 0 is the base, frame {@code dof} the TCP; robot base frame,
 * metres, z up. Pulled at screen rate; recomputed only when the joints changed. FX thread;
 * allocation-free after construction.
 */
public final class RobotPoseModel {
    /** Where the joint state comes from (the loop's latest tick, or an arm read directly). */
    @FunctionalInterface
    public interface JointSource {
        /** Copies the latest arm joints (rad) into {@code q}; false when there are none yet. */
        boolean read(double[] q);
    }

    private final DhChain chain;
    private final JointSource source;
    private final ForwardKinematics fk;
    private final double[] q;
    private final double[] seen;
    private final Matrix4d[] frames;
    private boolean valid;
    private long updates;

    public RobotPoseModel(DhChain chain, JointSource source) {
        this.chain = chain;
        this.source = source;
        this.fk = new ForwardKinematics(chain);
        this.q = new double[chain.dof()];
        this.seen = new double[chain.dof()];
        this.frames = new Matrix4d[chain.dof() + 1];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new Matrix4d();
        }
    }

    /** Pulls the joints; true when they changed and the frames were recomputed. */
    public boolean update() {
        if (!source.read(q)) {
            return false;
        }
        if (valid && java.util.Arrays.equals(q, seen)) {
            return false;
        }
        System.arraycopy(q, 0, seen, 0, q.length);
        fk.frames(q, frames);
        valid = true;
        updates++;
        return true;
    }

    /** Frame {@code i} (0 base .. dof TCP) at the last update; identity before the first. */
    public Matrix4d frame(int i) {
        return frames[i];
    }

    /** Number of frames: dof + 1. */
    public int frameCount() {
        return frames.length;
    }

    /** The joints of the last update (rad). */
    public double[] joints() {
        return seen.clone();
    }

    /** Whether a joint state has been seen. */
    public boolean valid() {
        return valid;
    }

    /** Recomputations so far (tests check the view follows the joints). */
    public long updates() {
        return updates;
    }

    public DhChain chain() {
        return chain;
    }
}
