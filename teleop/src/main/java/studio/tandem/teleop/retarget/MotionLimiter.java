package studio.tandem.teleop.retarget;

import org.joml.Quaterniond;
import org.joml.Vector3d;

/**
 * Limits how fast the commanded TCP target moves towards the requested one: linear speed (m/s) and
 * acceleration (m/s²), angular speed (rad/s) and acceleration (rad/s²). The speed is also capped by
 * sqrt(2·a·distance) so the target brakes in time instead of overshooting. Frame: robot base.
 * Control thread; allocation-free.
 */
public final class MotionLimiter {
    private final double vMax;
    private final double aMax;
    private final double wMax;
    private final double alphaMax;
    private final Vector3d pos = new Vector3d();
    private final Quaterniond rot = new Quaterniond();
    private final Vector3d v = new Vector3d();
    private final Vector3d w = new Vector3d();
    private final Vector3d err = new Vector3d();
    private final Quaterniond qErr = new Quaterniond();
    private final Quaterniond qStep = new Quaterniond();
    private long limited;

    public MotionLimiter(double vMax, double aMax, double wMax, double alphaMax) {
        if (!(vMax > 0) || !(aMax > 0) || !(wMax > 0) || !(alphaMax > 0)) {
            throw new IllegalArgumentException("motion limits must all be > 0");
        }
        this.vMax = vMax;
        this.aMax = aMax;
        this.wMax = wMax;
        this.alphaMax = alphaMax;
    }

    /** Sets the current target and zero velocity (on start or after a hold). */
    public void reset(Vector3d p, Quaterniond q) {
        pos.set(p);
        rot.set(q).normalize();
        v.zero();
        w.zero();
    }

    /**
     * Moves the limited target one step of {@code dt} seconds towards the requested pose and writes it
     * back into {@code p} and {@code q}.
     *
     * @return true if a limit changed the step
     */
    public boolean step(Vector3d p, Quaterniond q, double dt) {
        if (!(dt > 0)) {
            p.set(pos);
            q.set(rot);
            return false;
        }
        err.set(p).sub(pos);
        boolean lim = limitVelocity(err, v, vMax, aMax, dt);
        pos.fma(dt, v);
        rot.invert(qErr);
        q.mul(qErr, qErr).normalize();  // q · rot⁻¹: world-frame rotation error
        if (qErr.w < 0) {
            qErr.set(-qErr.x, -qErr.y, -qErr.z, -qErr.w);
        }
        double angle = 2 * Math.acos(Math.min(1.0, qErr.w));
        double s = Math.sqrt(Math.max(0.0, 1 - qErr.w * qErr.w));
        if (s > 1e-12) {
            err.set(qErr.x / s * angle, qErr.y / s * angle, qErr.z / s * angle);
        } else {
            err.zero();
        }
        lim |= limitVelocity(err, w, wMax, alphaMax, dt);
        double wl = w.length() * dt;
        if (wl > 1e-15) {
            qStep.fromAxisAngleRad(w.x / w.length(), w.y / w.length(), w.z / w.length(), wl);
            qStep.mul(rot, rot).normalize();
        }
        p.set(pos);
        q.set(rot);
        if (lim) {
            limited++;
        }
        return lim;
    }

    /** Updates velocity {@code vel} towards the error; true if a limit was active. */
    private static boolean limitVelocity(Vector3d error, Vector3d vel, double max, double acc, double dt) {
        double dist = error.length();
        double speed = Math.min(dist / dt, Math.min(max, Math.sqrt(2 * acc * dist)));
        boolean lim = speed < dist / dt - 1e-12;
        double dvx = (dist > 0 ? error.x / dist * speed : 0) - vel.x;
        double dvy = (dist > 0 ? error.y / dist * speed : 0) - vel.y;
        double dvz = (dist > 0 ? error.z / dist * speed : 0) - vel.z;
        double dv = Math.sqrt(dvx * dvx + dvy * dvy + dvz * dvz);
        double dvMax = acc * dt;
        if (dv > dvMax) {
            double k = dvMax / dv;
            dvx *= k;
            dvy *= k;
            dvz *= k;
            lim = true;
        }
        vel.add(dvx, dvy, dvz);
        return lim;
    }

    /** Current linear velocity of the limited target (m/s), robot base frame. */
    public Vector3d velocity() {
        return v;
    }

    /** Current angular velocity (rad/s), robot base frame. */
    public Vector3d angularVelocity() {
        return w;
    }

    /** Steps in which a limit was active. */
    public long limitedCount() {
        return limited;
    }
}
