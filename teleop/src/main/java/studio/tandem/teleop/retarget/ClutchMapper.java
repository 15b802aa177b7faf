package studio.tandem.teleop.retarget;

import org.joml.Quaterniond;
import org.joml.Vector3d;

/**
 * Relative (clutched) mapping of device motion to the robot TCP. On engage it remembers the device
 * pose T_dev,0 and the robot target T_robot,0; afterwards the target follows the device's motion
 * since engage, so engaging and releasing never make the target jump.
 *
 * <ul>
 * <li>{@link Mode#BASE}: the delta is taken in the device base frame, rotated into the robot base by
 * the calibration: p = p_r0 + s · R_BD (p_d − p_d0); q = (R_BD (q_d q_d0⁻¹) R_BD⁻¹) q_r0. Pushing
 * the device forward moves the TCP forward whatever the tool orientation.</li>
 * <li>{@link Mode#TOOL}: the literal T_robot,t = T_robot,0 · (T_dev,0⁻¹ · T_dev,t), translation
 * scaled by s (the calibration cancels out of this form).</li>
 * </ul>
 * Units metres/radians; control thread; allocation-free.
 */
public final class ClutchMapper {
    /** Frame in which the device delta is applied. */
    public enum Mode { BASE, TOOL }

    private final Mode mode;
    private final double scale;
    private final boolean rotation;
    private final DeviceCalibration calibration;
    private final Vector3d dev0 = new Vector3d();
    private final Quaterniond devRot0 = new Quaterniond();
    private final Vector3d robot0 = new Vector3d();
    private final Quaterniond robotRot0 = new Quaterniond();
    private final Vector3d dp = new Vector3d();
    private final Quaterniond dq = new Quaterniond();
    private final Quaterniond scratch = new Quaterniond();
    private boolean engaged;

    /**
     * @param scale translation scale (robot metres per device metre), &gt; 0
     * @param rotation whether device rotation rotates the TCP (false: orientation stays as engaged)
     */
    public ClutchMapper(Mode mode, double scale, boolean rotation, DeviceCalibration calibration) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("clutch: translation scale must be > 0, was " + scale);
        }
        this.mode = mode;
        this.scale = scale;
        this.rotation = rotation;
        this.calibration = calibration;
    }

    /** Engages at the current device pose and the current robot target (both copied). */
    public void engage(Vector3d devPos, Quaterniond devRot, Vector3d robotPos, Quaterniond robotRot) {
        dev0.set(devPos);
        devRot0.set(devRot).normalize();
        robot0.set(robotPos);
        robotRot0.set(robotRot).normalize();
        engaged = true;
    }

    public void release() {
        engaged = false;
    }

    public boolean engaged() {
        return engaged;
    }

    /** Maps the current device pose to the robot target. Only valid while engaged. */
    public void map(Vector3d devPos, Quaterniond devRot, Vector3d outPos, Quaterniond outRot) {
        if (mode == Mode.BASE) {
            dp.set(devPos).sub(dev0).mul(scale);
            calibration.apply(dp);
            outPos.set(robot0).add(dp);
            if (rotation) {
                devRot0.invert(scratch);
                dq.set(devRot).mul(scratch);          // q_d · q_d0⁻¹
                calibration.applyToRotation(dq, scratch);
                dq.mul(robotRot0, outRot).normalize();
            } else {
                outRot.set(robotRot0);
            }
        } else {
            devRot0.invert(scratch);
            dp.set(devPos).sub(dev0);
            scratch.transform(dp).mul(scale);      // q_d0⁻¹ (p_d − p_d0)
            robotRot0.transform(dp);
            outPos.set(robot0).add(dp);
            if (rotation) {
                dq.set(scratch).mul(devRot);       // q_d0⁻¹ q_d
                robotRot0.mul(dq, outRot).normalize();
            } else {
                outRot.set(robotRot0);
            }
        }
    }
}
