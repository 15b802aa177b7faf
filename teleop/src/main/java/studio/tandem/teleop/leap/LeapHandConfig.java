package studio.tandem.teleop.leap;

import java.util.Map;
import studio.tandem.teleop.device.ConfigMap;

/**
 * A LEAP hand on a serial port (station key {@code hand: {type: leap, ...}}).
 *
 * @param id device id, e.g. {@code hand}
 * @param port serial device, e.g. {@code /dev/ttyUSB0}
 * @param baud bus speed (LEAP: 4 000 000)
 * @param motorIds the 16 Dynamixel IDs in joint order (index 0–3, middle 4–7, ring 8–11, thumb 12–15)
 * @param currentLimit goal current, raw Dynamixel units (LEAP default 350; bounds grip force)
 * @param kP position P gain (raw; LEAP default 600)
 * @param kI position I gain (raw; 0)
 * @param kD position D gain (raw; LEAP default 200)
 * @param rateHz bus cycles per second (sync write goals + sync read state)
 * @param timeoutMs wait for one status packet (ms)
 * @param faultAfterMs FAULT when not every motor answered for this long (ms)
 * @param currentUnitMilliamps mA per raw current unit of the motor model
 */
public record LeapHandConfig(String id, String port, int baud, int[] motorIds, int currentLimit, int kP, int kI,
                             int kD, int rateHz, int timeoutMs, int faultAfterMs, double currentUnitMilliamps) {
    public static final String TYPE = "leap";
    public static final int MOTORS = 16;
    private static final int[] DEFAULT_IDS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

    public LeapHandConfig {
        if (motorIds.length != MOTORS) {
            throw new IllegalArgumentException(id + ".motor_ids: a LEAP hand has " + MOTORS + " motors, got "
                    + motorIds.length);
        }
        motorIds = motorIds.clone();
    }

    /** Defaults for the LEAP hand on {@code port}. */
    public static LeapHandConfig defaults(String id, String port) {
        return new LeapHandConfig(id, port, 4_000_000, DEFAULT_IDS, 350, 600, 0, 200, 100, 10, 200, 1.0);
    }

    /**
     * Builds from a station entry: {@code port} (required), {@code baud}, {@code motor_ids}, {@code current_limit},
     * {@code kp}, {@code ki}, {@code kd}, {@code rate_hz}, {@code timeout_ms}, {@code fault_after_ms},
     * {@code current_unit_ma}.
     *
     * @throws IllegalArgumentException naming the key that is missing or wrong
     */
    public static LeapHandConfig fromMap(String id, Map<String, ?> map) {
        ConfigMap c = new ConfigMap(id, map);
        LeapHandConfig cfg = new LeapHandConfig(id, c.string("port"), c.integer("baud", 4_000_000, 9600, 10_500_000),
                c.integers("motor_ids", DEFAULT_IDS, 0, 252), c.integer("current_limit", 350, 0, 2000),
                c.integer("kp", 600, 0, 16383), c.integer("ki", 0, 0, 16383), c.integer("kd", 200, 0, 16383),
                c.integer("rate_hz", 100, 1, 1000), c.integer("timeout_ms", 10, 1, 1000),
                c.integer("fault_after_ms", 200, 10, 10_000), c.number("current_unit_ma", 1.0, 0.01, 100));
        c.rejectUnknown("type");
        return cfg;
    }
}
