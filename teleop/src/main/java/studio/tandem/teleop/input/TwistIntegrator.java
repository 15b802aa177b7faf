package studio.tandem.teleop.input;

import org.joml.Quaterniond;
import org.joml.Vector3d;

/**
 * Integrates a velocity twist into a virtual tool pose, for rate-control devices (SpaceMouse,
 * keyboard, gamepad). The twist is expressed in the device's base frame: linear m/s, angular rad/s
 * (rotation vector). Allocation-free; one owner thread.
 */
public final class TwistIntegrator {
    private final Vector3d position = new Vector3d();
    private final Quaterniond orientation = new Quaterniond();
    private final Quaterniond delta = new Quaterniond();

    /**
     * Advances the pose by {@code twist · dt}.
     *
     * @param dtSeconds time step in seconds; negative values are treated as 0
     */
    public void integrate(double vx, double vy, double vz, double wx, double wy, double wz, double dtSeconds) {
        double dt = Math.max(0.0, dtSeconds);
        position.add(vx * dt, vy * dt, vz * dt);
        double ax = wx * dt;
        double ay = wy * dt;
        double az = wz * dt;
        double angle = Math.sqrt(ax * ax + ay * ay + az * az);
        if (angle > 1e-12) {
            delta.fromAxisAngleRad(ax / angle, ay / angle, az / angle, angle);
            delta.mul(orientation, orientation); // world-frame rotation: q = dq * q
            orientation.normalize();
        }
    }

    /** Writes the current pose into {@code dst} (position and orientation only). */
    public void writeTo(PoseSample dst, long captureNanos) {
        dst.set(captureNanos, position.x, position.y, position.z,
                orientation.x, orientation.y, orientation.z, orientation.w);
    }

    public void reset() {
        position.zero();
        orientation.identity();
    }

    public Vector3d position() {
        return position;
    }

    public Quaterniond orientation() {
        return orientation;
    }
}
