package studio.tandem.teleop.ur;

import java.util.Map;
import studio.tandem.teleop.device.ConfigMap;

/**
 * A Universal Robots arm over RTDE (station key {@code arm: {type: ur-rtde, host: ..., ...}}).
 *
 * @param id device id, e.g. {@code arm}
 * @param host controller address
 * @param rtdePort RTDE port (30004)
 * @param scriptPort script port the servo program is sent to (30002 secondary or 30003 real-time)
 * @param model {@code ur3e}, {@code ur5e}, {@code ur10e}, {@code ur16e}
 * @param frequencyHz RTDE output rate (e-Series ≤ 500, CB3 ≤ 125); also the servo period
 * @param lookahead servoj/servol lookahead time (s, 0.03..0.2)
 * @param gain servoj/servol proportional gain (100..2000)
 * @param watchdogMs the robot stops when commands stall this long (ms)
 * @param connectTimeoutMs TCP connect and handshake timeout (ms)
 * @param faultAfterMs FAULT when no data package arrived for this long (ms)
 * @param tcpZ distance of the TCP from the flange along its z axis (m), as set on the pendant
 */
public record UrRtdeConfig(String id, String host, int rtdePort, int scriptPort, String model, int frequencyHz,
                           double lookahead, double gain, int watchdogMs, int connectTimeoutMs, int faultAfterMs,
                           double tcpZ) {
    public static final String TYPE = "ur-rtde";
    /** The same type as the studio's station file spells it. */
    public static final String TYPE_ALIAS = "ur_rtde";

    public UrRtdeConfig {
        UrModel.chain(model);
    }

    /** Defaults for a UR5e at {@code host}. */
    public static UrRtdeConfig defaults(String id, String host) {
        return new UrRtdeConfig(id, host, 30004, 30002, "ur5e", 500, 0.1, 300, 100, 2000, 100, 0);
    }

    /**
     * Builds from a station entry: {@code host} (required; {@code address} is accepted too), {@code rtde_port}, {@code script_port}, {@code model},
     * {@code frequency}, {@code lookahead}, {@code gain}, {@code watchdog_ms}, {@code connect_timeout_ms},
     * {@code fault_after_ms}, {@code tcp_z}.
     *
     * @throws IllegalArgumentException naming the key that is missing or wrong
     */
    public static UrRtdeConfig fromMap(String id, Map<String, ?> map) {
        ConfigMap c = new ConfigMap(id, map);
        String model = c.string("model", "ur5e");
        try {
            UrModel.chain(model);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(c.path("model") + ": " + e.getMessage());
        }
        UrRtdeConfig cfg = new UrRtdeConfig(id, c.stringOr("host", "address", null), c.integer("rtde_port", 30004, 1, 65535),
                c.integer("script_port", 30002, 1, 65535), model, c.integer("frequency", 500, 1, 500),
                c.number("lookahead", 0.1, 0.03, 0.2), c.number("gain", 300, 100, 2000),
                c.integer("watchdog_ms", 100, 10, 2000), c.integer("connect_timeout_ms", 2000, 50, 60_000),
                c.integer("fault_after_ms", 100, 10, 10_000), c.number("tcp_z", 0, -1, 1));
        c.rejectUnknown("type");
        return cfg;
    }
}
