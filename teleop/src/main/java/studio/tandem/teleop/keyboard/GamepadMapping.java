package studio.tandem.teleop.keyboard;

/**
 * Which gamepad axis drives which twist component (index, or -1 for none; a negative scale
 * inverts), the trigger axis for the gripper, the buttons for clutch toggle and e-stop, and the dead
 * zone. Defaults follow the common XInput layout: left stick x/y, right stick x/y, triggers.
 *
 * @param twistAxes six axis indices for vx, vy, vz, wx, wy, wz (-1 = unused)
 * @param twistSigns six ±1 signs
 * @param triggerAxis axis for the gripper closure, or -1
 * @param clutchButton button bit toggling following, or -1
 * @param estopButton button bit latching the e-stop, or -1
 * @param deadZone |value| below this counts as 0
 */
public record GamepadMapping(int[] twistAxes, int[] twistSigns, int triggerAxis, int clutchButton,
                             int estopButton, double deadZone) {

    public GamepadMapping {
        if (twistAxes.length != 6 || twistSigns.length != 6) {
            throw new IllegalArgumentException("gamepad mapping: twistAxes and twistSigns need 6 entries");
        }
        twistAxes = twistAxes.clone();
        twistSigns = twistSigns.clone();
    }

    /** Left stick: x/y translation; right stick: yaw and z; right trigger: gripper; A: clutch, B: e-stop. */
    public static GamepadMapping xinput() {
        return new GamepadMapping(new int[] {1, 0, 3, -1, -1, 2}, new int[] {-1, -1, -1, 1, 1, -1}, 5, 0, 1, 0.12);
    }

    /** The mapped, dead-zoned value of twist component {@code i}. */
    double twist(float[] axes, int i) {
        int a = twistAxes[i];
        if (a < 0 || a >= axes.length) {
            return 0;
        }
        double v = axes[a];
        if (Math.abs(v) < deadZone) {
            return 0;
        }
        double scaled = (Math.abs(v) - deadZone) / (1 - deadZone) * Math.signum(v);
        return twistSigns[i] * scaled;
    }
}
