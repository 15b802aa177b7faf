package studio.tandem.teleop.robotiq;

import java.util.Locale;
import java.util.Map;
import studio.tandem.teleop.device.ConfigMap;

/**
 * A Robotiq 2F-85 or 2F-140 gripper on Modbus RTU (station key {@code gripper: {type: robotiq-2f85, ...}}).
 *
 * @param id device id, e.g. {@code gripper}
 * @param port serial device, e.g. {@code /dev/ttyUSB1}
 * @param baud 115200 (the gripper's default)
 * @param slaveId Modbus unit id (default 9)
 * @param strokeMeters full opening: 0.085 (2F-85) or 0.140 (2F-140)
 * @param speed grip speed request rSP, 0..255
 * @param force grip force request rFR, 0..255
 * @param rateHz status reads per second
 * @param timeoutMs wait for one reply (ms)
 * @param faultAfterMs FAULT when no valid status arrived for this long (ms)
 * @param activationTimeoutMs how long activation may take (ms)
 */
public record RobotiqConfig(String id, String port, int baud, int slaveId, double strokeMeters, int speed, int force,
                            int rateHz, int timeoutMs, int faultAfterMs, int activationTimeoutMs) {
    public static final String TYPE_85 = "robotiq-2f85";
    public static final String TYPE_140 = "robotiq-2f140";
    /** The studio's station file spelling: a 2F-85 unless {@code stroke_mm: 140}. */
    public static final String TYPE_ALIAS = "robotiq_2f";

    /** Defaults for a 2F-85 on {@code port}. */
    public static RobotiqConfig defaults(String id, String port) {
        return new RobotiqConfig(id, port, 115_200, 9, 0.085, 255, 150, 50, 50, 500, 10_000);
    }

    /**
     * Builds from a station entry: {@code type} ({@code robotiq-2f85} or {@code robotiq-2f140}), {@code port}
     * (required), {@code baud}, {@code slave_id}, {@code speed}, {@code force}, {@code rate_hz}, {@code timeout_ms},
     * {@code fault_after_ms}, {@code activation_timeout_ms}.
     *
     * @throws IllegalArgumentException naming the key that is missing or wrong
     */
    public static RobotiqConfig fromMap(String id, Map<String, ?> map) {
        ConfigMap c = new ConfigMap(id, map);
        String type = c.string("type", TYPE_85).toLowerCase(Locale.ROOT);
        double stroke = switch (type) {
            case TYPE_85 -> 0.085;
            case TYPE_140 -> 0.140;
            case TYPE_ALIAS -> c.integer("stroke_mm", 85, 85, 140) == 140 ? 0.140 : 0.085;
            default -> throw new IllegalArgumentException(c.path("type") + ": '" + type + "' is not " + TYPE_85
                    + ", " + TYPE_140 + " or " + TYPE_ALIAS);
        };
        RobotiqConfig cfg = new RobotiqConfig(id, c.string("port"), c.integer("baud", 115_200, 9600, 1_000_000),
                c.integer("slave_id", 9, 1, 247), stroke, c.integer("speed", 255, 0, 255),
                c.integer("force", 150, 0, 255), c.integer("rate_hz", 50, 1, 200), c.integer("timeout_ms", 50, 1, 1000),
                c.integer("fault_after_ms", 500, 10, 10_000), c.integer("activation_timeout_ms", 10_000, 100, 60_000));
        c.rejectUnknown();
        return cfg;
    }
}
