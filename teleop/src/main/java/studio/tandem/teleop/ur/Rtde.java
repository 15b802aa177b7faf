package studio.tandem.teleop.ur;

/**
 * RTDE protocol constants (protocol version 2). Every package is {@code uint16 size} (including the 3-byte
 * header), {@code uint8 type}, payload; all values big-endian.
 */
public final class Rtde {
    public static final int REQUEST_PROTOCOL_VERSION = 86;   // 'V'
    public static final int GET_URCONTROL_VERSION = 118;     // 'v'
    public static final int TEXT_MESSAGE = 77;               // 'M'
    public static final int DATA_PACKAGE = 85;               // 'U'
    public static final int SETUP_OUTPUTS = 79;              // 'O'
    public static final int SETUP_INPUTS = 73;               // 'I'
    public static final int START = 83;                      // 'S'
    public static final int PAUSE = 80;                      // 'P'
    public static final int PROTOCOL_VERSION = 2;
    public static final int HEADER = 3;

    /** The state the driver subscribes to. */
    public static final String[] OUTPUTS = {"timestamp", "actual_q", "actual_qd", "actual_TCP_pose", "robot_mode",
        "safety_mode", "runtime_state", "output_int_register_24", "output_int_register_25"};
    /** Expected types of {@link #OUTPUTS}, in order. */
    public static final String[] OUTPUT_TYPES = {"DOUBLE", "VECTOR6D", "VECTOR6D", "VECTOR6D", "INT32", "INT32",
        "UINT32", "INT32", "INT32"};
    /** The servo program's command registers. */
    public static final String[] INPUTS = {"input_int_register_24", "input_int_register_25", "input_double_register_24",
        "input_double_register_25", "input_double_register_26", "input_double_register_27", "input_double_register_28",
        "input_double_register_29"};
    /** Bytes of an input data package: header, recipe id, 2 int32, 6 doubles. */
    public static final int INPUT_PACKAGE_SIZE = HEADER + 1 + 2 * 4 + 6 * 8;
    /** Bytes of an output data package: header, recipe id, 1 + 18 doubles, 5 int32/uint32. */
    public static final int OUTPUT_PACKAGE_SIZE = HEADER + 1 + 19 * 8 + 5 * 4;

    private Rtde() {
    }

    /** Text for a safety mode value. */
    public static String safetyMode(int m) {
        return switch (m) {
            case 1 -> "normal";
            case 2 -> "reduced";
            case 3 -> "protective stop";
            case 4 -> "recovery";
            case 5 -> "safeguard stop";
            case 6 -> "system emergency stop";
            case 7 -> "robot emergency stop";
            case 8 -> "violation";
            case 9 -> "safety fault";
            default -> "safety mode " + m;
        };
    }

    /** True when the arm can move (normal or reduced mode). */
    public static boolean canMove(int safetyMode) {
        return safetyMode == 1 || safetyMode == 2;
    }
}
