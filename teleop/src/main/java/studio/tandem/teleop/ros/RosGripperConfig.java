package studio.tandem.teleop.ros;

import java.net.URI;
import java.util.Map;
import studio.tandem.teleop.device.ConfigMap;

/**
 * A parallel gripper behind rosbridge, as the CRISP stack drives it: position commands on
 * {@code gripper_position_controller/commands} (std_msgs/msg/Float64MultiArray, one finger's position in m) and
 * the finger joint in {@code joint_states}. Station key {@code gripper: {type: ros-gripper, url: ..., ...}}.
 *
 * @param id device id
 * @param url rosbridge WebSocket URL
 * @param namespace robot namespace or empty
 * @param commandTopic command topic
 * @param jointStates state topic (sensor_msgs/msg/JointState)
 * @param fingerJoint the finger joint's name in joint_states (its position is half the opening)
 * @param maxFinger the finger joint's upper limit (m): the gripper opens to twice this
 * @param rateHz republish rate while ACTIVE (≥ 50)
 * @param connectTimeoutMs WebSocket and first-state timeout (ms)
 * @param faultAfterMs FAULT when joint_states stall this long (ms)
 */
public record RosGripperConfig(String id, URI url, String namespace, String commandTopic, String jointStates,
                               String fingerJoint, double maxFinger, int rateHz, int connectTimeoutMs,
                               int faultAfterMs) {
    public static final String TYPE = "ros-gripper";

    public RosGripperConfig {
        if (rateHz < 50) {
            throw new IllegalArgumentException(id + ".rate_hz: the command must be republished at ≥ 50 Hz, got " + rateHz);
        }
    }

    /** The absolute name of {@code topic} under the namespace. */
    public String resolve(String topic) {
        return RosArmConfig.resolve(namespace, topic);
    }

    /**
     * Builds from a station entry: {@code url} (required), {@code namespace}, {@code command_topic},
     * {@code joint_states}, {@code finger_joint} (default {@code fr3_finger_joint1}), {@code max_finger},
     * {@code rate_hz}, {@code connect_timeout_ms}, {@code fault_after_ms}.
     */
    public static RosGripperConfig fromMap(String id, Map<String, ?> map) {
        ConfigMap c = new ConfigMap(id, map);
        URI url = c.websocketUrl("url", "address");
        String ns = c.string("namespace", "/");
        RosGripperConfig cfg = new RosGripperConfig(id, url, ns.equals("/") ? "" : ns,
                c.string("command_topic", "gripper_position_controller/commands"),
                c.string("joint_states", "joint_states"), c.string("finger_joint", "fr3_finger_joint1"),
                c.number("max_finger", 0.04, 0.001, 0.5), c.integer("rate_hz", 100, 50, 1000),
                c.integer("connect_timeout_ms", 3000, 100, 60_000), c.integer("fault_after_ms", 500, 20, 10_000));
        c.rejectUnknown("type");
        return cfg;
    }
}
