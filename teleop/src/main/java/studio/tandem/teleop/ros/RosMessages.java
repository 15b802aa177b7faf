package studio.tandem.teleop.ros;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * ROS 2 message layouts as rosbridge JSON: {@code geometry_msgs/msg/PoseStamped} and
 * {@code sensor_msgs/msg/JointState}. Outgoing messages are built once and their values overwritten for each
 * publication. Header stamps are left at 0 (tf's "latest"); the CRISP controllers do not use them.
 */
final class RosMessages {
    static final String POSE_STAMPED = "geometry_msgs/msg/PoseStamped";
    static final String JOINT_STATE = "sensor_msgs/msg/JointState";

    private RosMessages() {
    }

    /** A PoseStamped template with {@code frame}; fill with {@link #setPose}. */
    static ObjectNode poseStamped(ObjectMapper json, String frame) {
        ObjectNode msg = json.createObjectNode();
        msg.set("header", header(json, frame));
        ObjectNode pose = msg.putObject("pose");
        pose.putObject("position").put("x", 0.0).put("y", 0.0).put("z", 0.0);
        pose.putObject("orientation").put("x", 0.0).put("y", 0.0).put("z", 0.0).put("w", 1.0);
        return msg;
    }

    /** Writes x, y, z, qx, qy, qz, qw from {@code v[off..]} into a PoseStamped template. */
    static void setPose(ObjectNode msg, double[] v, int off) {
        ObjectNode pose = (ObjectNode) msg.get("pose");
        ((ObjectNode) pose.get("position")).put("x", v[off]).put("y", v[off + 1]).put("z", v[off + 2]);
        ((ObjectNode) pose.get("orientation")).put("x", v[off + 3]).put("y", v[off + 4]).put("z", v[off + 5])
                .put("w", v[off + 6]);
    }

    /** A JointState template with {@code names}; fill with {@link #setPositions}. */
    static ObjectNode jointState(ObjectMapper json, List<String> names) {
        ObjectNode msg = json.createObjectNode();
        msg.set("header", header(json, ""));
        ArrayNode n = msg.putArray("name");
        ArrayNode p = msg.putArray("position");
        for (String s : names) {
            n.add(s);
            p.add(0.0);
        }
        msg.putArray("velocity");
        msg.putArray("effort");
        return msg;
    }

    static void setPositions(ObjectNode msg, double[] v, int off) {
        ArrayNode p = (ArrayNode) msg.get("position");
        for (int i = 0; i < p.size(); i++) {
            p.set(i, v[off + i]);
        }
    }

    /**
     * Reads a PoseStamped's pose into x, y, z, qx, qy, qz, qw at {@code out[off..]}.
     *
     * @return false when a field is missing or not a number
     */
    static boolean readPose(JsonNode msg, double[] out, int off) {
        JsonNode p = msg.path("pose").path("position");
        JsonNode o = msg.path("pose").path("orientation");
        JsonNode[] f = {p.path("x"), p.path("y"), p.path("z"), o.path("x"), o.path("y"), o.path("z"), o.path("w")};
        for (int i = 0; i < 7; i++) {
            if (!f[i].isNumber()) {
                return false;
            }
            out[off + i] = f[i].asDouble();
        }
        return true;
    }

    private static ObjectNode header(ObjectMapper json, String frame) {
        ObjectNode h = json.createObjectNode();
        h.putObject("stamp").put("sec", 0).put("nanosec", 0);
        h.put("frame_id", frame);
        return h;
    }
}
