package studio.tandem.teleop.retarget;

import org.joml.Matrix3d;
import org.joml.Quaterniond;
import org.joml.Vector3d;

/**
 * The rotation from the device's base frame to the robot base frame, applied to device motion
 * deltas (R_BD: v_robot = R_BD · v_device). Immutable.
 *
 * <p>The calibration workflow ({@link #fromTwoMotions}) asks the operator to move the device along
 * the robot's +X and then +Y axis; the two measured device-frame directions define R_BD.
 */
public final class DeviceCalibration {
    public static final DeviceCalibration IDENTITY = new DeviceCalibration(new Quaterniond());

    private final Quaterniond deviceToRobot;

    public DeviceCalibration(Quaterniond deviceToRobot) {
        this.deviceToRobot = new Quaterniond(deviceToRobot).normalize();
    }

    /** Rotation about the robot's vertical axis by {@code yawRad} (e.g. operator facing the robot). */
    public static DeviceCalibration yaw(double yawRad) {
        return new DeviceCalibration(new Quaterniond().rotateZ(yawRad));
    }

    /**
     * From a device motion that should move the robot along +X and one that should move it along +Y
     * (device-frame displacement vectors, any length).
     *
     * @throws IllegalArgumentException if a motion is too short or the two are nearly parallel
     */
    public static DeviceCalibration fromTwoMotions(Vector3d deviceAlongRobotX, Vector3d deviceAlongRobotY) {
        if (deviceAlongRobotX.length() < 1e-6 || deviceAlongRobotY.length() < 1e-6) {
            throw new IllegalArgumentException("calibration: a calibration motion is too short");
        }
        Vector3d x = new Vector3d(deviceAlongRobotX).normalize();
        Vector3d z = new Vector3d(x).cross(new Vector3d(deviceAlongRobotY).normalize());
        if (z.length() < 0.2) {
            throw new IllegalArgumentException("calibration: the X and Y motions are nearly parallel");
        }
        z.normalize();
        Vector3d y = new Vector3d(z).cross(x);
        // rows of R_BD are the device-frame directions of the robot axes
        Matrix3d r = new Matrix3d(x.x, y.x, z.x, x.y, y.y, z.y, x.z, y.z, z.z); // column-major: col0 = (x.x,y.x,z.x)
        return new DeviceCalibration(new Quaterniond().setFromNormalized(r));
    }

    /**
     * This calibration for an operator turned by {@code yawRad} about the robot's vertical axis: what
     * mapped onto the robot's +X now maps onto the direction at {@code yawRad} from +X (+90° = +Y).
     */
    public DeviceCalibration facing(double yawRad) {
        return new DeviceCalibration(new Quaterniond().rotateZ(yawRad).mul(deviceToRobot));
    }

    /** Rotates a device-frame vector into the robot base frame, in place. */
    public Vector3d apply(Vector3d v) {
        return deviceToRobot.transform(v);
    }

    /** Conjugates a device-frame rotation into the robot base frame, in place: R_BD · q · R_BD⁻¹. */
    public Quaterniond applyToRotation(Quaterniond q, Quaterniond scratch) {
        scratch.set(deviceToRobot).mul(q);
        q.set(deviceToRobot).conjugate();
        scratch.mul(q, q);
        return q;
    }

    public Quaterniond deviceToRobot(Quaterniond dst) {
        return dst.set(deviceToRobot);
    }
}
