package studio.tandem.teleop.ros;

import java.net.URI;
import java.util.List;
import java.util.Map;
import studio.tandem.teleop.device.ConfigMap;

/**
 * A ROS 2 arm behind rosbridge v2, by default with the CRISP controllers' topics (station key
 * {@code arm: {type: ros-crisp, url: ws://host:9090, ...}}). Topic names without a leading slash are put under
 * {@code namespace}.
 *
 * @param id device id
 * @param url rosbridge WebSocket URL, e.g. {@code ws://localhost:9090}
 * @param namespace robot namespace, e.g. {@code /right}, or empty
 * @param model kinematic model ({@link ArmModels})
 * @param rosJointNames joint names in {@code joint_states}, in the model's joint order
 * @param baseFrame {@code frame_id} of published target poses
 * @param targetPose target pose topic (geometry_msgs/msg/PoseStamped)
 * @param currentPose measured pose topic (geometry_msgs/msg/PoseStamped)
 * @param jointStates measured joints topic (sensor_msgs/msg/JointState)
 * @param targetJoint joint target topic (sensor_msgs/msg/JointState)
 * @param rateHz how often the latest target is republished while ACTIVE (≥ 50)
 * @param connectTimeoutMs WebSocket and first-state timeout (ms)
 * @param faultAfterMs FAULT when joint_states stall this long (ms)
 */
public record RosArmConfig(String id, URI url, String namespace, String model, List<String> rosJointNames,
                           String baseFrame, String targetPose, String currentPose, String jointStates,
                           String targetJoint, int rateHz, int connectTimeoutMs, int faultAfterMs) {
    public static final String TYPE = "ros-crisp";
    /** The same type as the studio's station file spells it. */
    public static final String TYPE_ALIAS = "ros2";

    public RosArmConfig {
        rosJointNames = List.copyOf(rosJointNames);
        int dof = ArmModels.chain(model).dof();
        if (rosJointNames.size() != dof) {
            throw new IllegalArgumentException(id + ".joint_names: model " + model + " has " + dof + " joints, got "
                    + rosJointNames.size());
        }
        if (rateHz < 50) {
            throw new IllegalArgumentException(id + ".rate_hz: the target must be republished at ≥ 50 Hz, got "
                    + rateHz);
        }
    }

    /** CRISP defaults for {@code model} at {@code url}. */
    public static RosArmConfig defaults(String id, URI url, String model) {
        return new RosArmConfig(id, url, "", model, ArmModels.rosJointNames(model), "base", "target_pose",
                "current_pose", "joint_states", "target_joint", 100, 3000, 500);
    }

    /** The absolute name of {@code topic}. */
    public String resolve(String topic) {
        return resolve(namespace, topic);
    }

    /** {@code topic} if absolute, else {@code /<namespace>/<topic>}. */
    public static String resolve(String namespace, String topic) {
        if (topic.startsWith("/")) {
            return topic;
        }
        String ns = namespace.isEmpty() ? "" : (namespace.startsWith("/") ? namespace : "/" + namespace);
        if (ns.endsWith("/")) {
            ns = ns.substring(0, ns.length() - 1);
        }
        return ns + "/" + topic;
    }

    /**
     * Builds from a station entry: {@code url} (required; {@code address} is accepted too), {@code namespace}, {@code model} (default fr3),
     * {@code joint_names}, {@code base_frame}, {@code topics: {target_pose, current_pose, joint_states,
     * target_joint}}, {@code rate_hz}, {@code connect_timeout_ms}, {@code fault_after_ms}.
     *
     * @throws IllegalArgumentException naming the key that is missing or wrong
     */
    public static RosArmConfig fromMap(String id, Map<String, ?> map) {
        ConfigMap c = new ConfigMap(id, map);
        URI url = c.websocketUrl("url", "address");
        String model = c.string("model", "fr3");
        try {
            ArmModels.chain(model);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(c.path("model") + ": " + e.getMessage());
        }
        List<String> joints = c.strings("joint_names", ArmModels.rosJointNames(model));
        ConfigMap t = c.child("topics");
        RosArmConfig cfg = new RosArmConfig(id, url, c.string("namespace", "/").equals("/") ? "" : c.string("namespace"),
                model, joints, c.string("base_frame", "base"), t.string("target_pose", "target_pose"),
                t.string("current_pose", "current_pose"), t.string("joint_states", "joint_states"),
                t.string("target_joint", "target_joint"), c.integer("rate_hz", 100, 50, 1000),
                c.integer("connect_timeout_ms", 3000, 100, 60_000), c.integer("fault_after_ms", 500, 20, 10_000));
        t.rejectUnknown();
        c.rejectUnknown("type");
        return cfg;
    }
}
