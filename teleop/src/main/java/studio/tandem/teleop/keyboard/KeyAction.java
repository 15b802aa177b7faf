package studio.tandem.teleop.keyboard;

/** What a key (or gamepad button) does in keyboard teleoperation. */
public enum KeyAction {
    X_POS, X_NEG, Y_POS, Y_NEG, Z_POS, Z_NEG,
    ROLL_POS, ROLL_NEG, PITCH_POS, PITCH_NEG, YAW_POS, YAW_NEG,
    GRIPPER_OPEN, GRIPPER_CLOSE,
    /** Toggles following on and off (the keyboard's clutch). */
    CLUTCH,
    /** Latches the emergency stop until {@link KeyboardDevice#clearEstop()}. */
    ESTOP
}
