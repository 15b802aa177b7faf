package studio.tandem.teleop.keyboard;

/**
 * A gamepad (or any analog source) polled by the keyboard device's thread. Axis values are in
 * [-1, 1] (triggers [0, 1]); which index drives what is set by {@link GamepadMapping}.
 */
public interface AxisSource {

    /**
     * Fills {@code axes} with the current values and returns the pressed-button bitmask, or -1 when
     * the gamepad is disconnected.
     */
    long poll(float[] axes);

    /** Number of axes this source fills. */
    int axisCount();
}
