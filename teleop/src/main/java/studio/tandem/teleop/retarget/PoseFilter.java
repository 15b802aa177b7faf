package studio.tandem.teleop.retarget;

import org.joml.Quaterniond;
import org.joml.Vector3d;

/**
 * One Euro filtering of a pose: each position axis by a scalar filter, the orientation by slerp
 * towards the new sample with a One Euro alpha driven by the angular speed. Units: metres, seconds,
 * rad/s; frame: whatever frame the poses are in (the robot base in the pipeline). Control thread;
 * allocation-free.
 */
public final class PoseFilter {
    private final OneEuroFilter fx;
    private final OneEuroFilter fy;
    private final OneEuroFilter fz;
    private final double rotMinCutoffHz;
    private final double rotBeta;
    private final double rotDerivativeCutoffHz;
    private final Quaterniond q = new Quaterniond();
    private final Quaterniond tmp = new Quaterniond();
    private double angularSpeed;
    private boolean initialized;

    public PoseFilter(double posMinCutoffHz, double posBeta, double rotMinCutoffHz, double rotBeta,
                      double derivativeCutoffHz) {
        fx = new OneEuroFilter(posMinCutoffHz, posBeta, derivativeCutoffHz);
        fy = new OneEuroFilter(posMinCutoffHz, posBeta, derivativeCutoffHz);
        fz = new OneEuroFilter(posMinCutoffHz, posBeta, derivativeCutoffHz);
        new OneEuroFilter(rotMinCutoffHz, rotBeta, derivativeCutoffHz); // validates the parameters
        this.rotMinCutoffHz = rotMinCutoffHz;
        this.rotBeta = rotBeta;
        this.rotDerivativeCutoffHz = derivativeCutoffHz;
    }

    /** Filters in place: {@code position} and {@code orientation} are replaced by the filtered pose. */
    public void filter(Vector3d position, Quaterniond orientation, double dtSeconds) {
        position.set(fx.filter(position.x, dtSeconds), fy.filter(position.y, dtSeconds),
                fz.filter(position.z, dtSeconds));
        if (!initialized || !(dtSeconds > 0)) {
            if (!initialized) {
                q.set(orientation);
                angularSpeed = 0;
                initialized = true;
            }
            orientation.set(q);
            return;
        }
        // angle between the filtered and the new orientation, on the shorter path
        double dot = Math.abs(q.dot(orientation));
        double angle = 2 * Math.acos(Math.min(1.0, dot));
        angularSpeed += OneEuroFilter.alpha(rotDerivativeCutoffHz, dtSeconds) * (angle / dtSeconds - angularSpeed);
        double cutoff = rotMinCutoffHz + rotBeta * angularSpeed;
        double a = OneEuroFilter.alpha(cutoff, dtSeconds);
        tmp.set(orientation);
        q.slerp(tmp, a).normalize();
        orientation.set(q);
    }

    /** Restarts at the given pose (used when the clutch engages, so filtering never causes a jump). */
    public void reset(Vector3d position, Quaterniond orientation) {
        fx.reset(position.x);
        fy.reset(position.y);
        fz.reset(position.z);
        q.set(orientation);
        angularSpeed = 0;
        initialized = true;
    }
}
