package studio.tandem.teleop.retarget;

import studio.tandem.teleop.input.PoseSample;

/**
 * Settings of the arm retargeting pipeline. Units: metres, radians, seconds, Hz.
 *
 * @param channel device pose channel that drives the arm (VR: {@code Side.RIGHT.ordinal()})
 * @param clutchButton button bit that must be held to follow; -1 = always engaged
 * @param estopButton button bit that holds the arm at once; -1 = none
 * @param mode frame in which device deltas apply
 * @param translationScale robot metres per device metre
 * @param rotation whether device rotation rotates the TCP
 * @param calibration device base frame → robot base frame
 * @param filterMinCutoffHz One Euro minimum cutoff (position and rotation)
 * @param filterBeta One Euro speed coefficient for position (per m/s)
 * @param filterRotBeta One Euro speed coefficient for rotation (per rad/s)
 * @param workspace box the TCP target is clamped into (robot base frame)
 * @param maxSpeed linear speed limit (m/s)
 * @param maxAccel linear acceleration limit (m/s²)
 * @param maxAngularSpeed angular speed limit (rad/s)
 * @param maxAngularAccel angular acceleration limit (rad/s²)
 * @param gripper trigger → closure mapping
 * @param dropoutNanos a device silent for longer than this makes the arm hold
 */
public record ArmRetargetConfig(int channel, int clutchButton, int estopButton, ClutchMapper.Mode mode,
                                double translationScale, boolean rotation, DeviceCalibration calibration,
                                double filterMinCutoffHz, double filterBeta, double filterRotBeta,
                                WorkspaceBox workspace, double maxSpeed, double maxAccel,
                                double maxAngularSpeed, double maxAngularAccel, GripperMapping gripper,
                                long dropoutNanos) {

    /** Defaults for a UR5e-sized workspace, clutch on the clutch button, e-stop on the e-stop button. */
    public static ArmRetargetConfig defaults(int channel) {
        return new ArmRetargetConfig(channel, PoseSample.BUTTON_CLUTCH, PoseSample.BUTTON_ESTOP,
                ClutchMapper.Mode.BASE, 1.0, true, DeviceCalibration.IDENTITY,
                1.5, 4.0, 1.0, new WorkspaceBox(-0.85, -0.85, 0.0, 0.85, 0.85, 1.0),
                1.0, 8.0, 3.0, 30.0, GripperMapping.DEFAULT, DropoutWatchdog.DEFAULT_LIMIT_NANOS);
    }

    public ArmRetargetConfig withClutchButton(int button) {
        return new ArmRetargetConfig(channel, button, estopButton, mode, translationScale, rotation, calibration,
                filterMinCutoffHz, filterBeta, filterRotBeta, workspace, maxSpeed, maxAccel, maxAngularSpeed,
                maxAngularAccel, gripper, dropoutNanos);
    }

    public ArmRetargetConfig withMapping(ClutchMapper.Mode newMode, double scale, boolean rot, DeviceCalibration cal) {
        return new ArmRetargetConfig(channel, clutchButton, estopButton, newMode, scale, rot, cal,
                filterMinCutoffHz, filterBeta, filterRotBeta, workspace, maxSpeed, maxAccel, maxAngularSpeed,
                maxAngularAccel, gripper, dropoutNanos);
    }

    public ArmRetargetConfig withWorkspace(WorkspaceBox box) {
        return new ArmRetargetConfig(channel, clutchButton, estopButton, mode, translationScale, rotation, calibration,
                filterMinCutoffHz, filterBeta, filterRotBeta, box, maxSpeed, maxAccel, maxAngularSpeed,
                maxAngularAccel, gripper, dropoutNanos);
    }

    public ArmRetargetConfig withLimits(double speed, double accel, double angSpeed, double angAccel) {
        return new ArmRetargetConfig(channel, clutchButton, estopButton, mode, translationScale, rotation, calibration,
                filterMinCutoffHz, filterBeta, filterRotBeta, workspace, speed, accel, angSpeed,
                angAccel, gripper, dropoutNanos);
    }

    public ArmRetargetConfig withFilter(double minCutoffHz, double beta, double rotBeta) {
        return new ArmRetargetConfig(channel, clutchButton, estopButton, mode, translationScale, rotation, calibration,
                minCutoffHz, beta, rotBeta, workspace, maxSpeed, maxAccel, maxAngularSpeed,
                maxAngularAccel, gripper, dropoutNanos);
    }
}
