/**
 * Keyboard and gamepad teleoperation without hardware. Toolkit-agnostic: the UI forwards key names
 * ({@code KeyCode.name()}) to {@link studio.tandem.teleop.keyboard.KeyboardDevice#keyDown} /
 * {@code keyUp}; gamepads come in through an {@link studio.tandem.teleop.keyboard.AxisSource}.
 */
package studio.tandem.teleop.keyboard;
