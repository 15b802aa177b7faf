package studio.tandem.teleop.ros;

import java.util.List;

/**
 * The teleop tests' rosbridge v2 peer ({@code FakeRosbridge}: WebSocket on loopback, joint_states with
 * a finger joint, gripper commands applied at once) opened up for the app's session tests.
 */
public final class RosbridgePeer implements AutoCloseable {
    private final FakeRosbridge server;
    private boolean closed;

    /** A bridge under {@code namespace} streaming fr3 joint states (and the gripper finger). */
    public RosbridgePeer(String namespace) throws InterruptedException {
        server = new FakeRosbridge(namespace, ArmModels.rosJointNames("fr3"));
        server.subscribed.put(namespace + "/joint_states", "sensor_msgs/msg/JointState");
    }

    public String url() {
        return server.url();
    }

    /** The finger joint (m, half the opening) the last gripper command set. */
    public double finger() {
        return server.finger;
    }

    /** Topics the client published to, with their message types. */
    public List<String> advertised() {
        return List.copyOf(server.advertised.keySet());
    }

    @Override
    /** Stops the bridge (clients see the connection drop). Idempotent. */
    public synchronized void close() throws InterruptedException {
        if (!closed) {
            closed = true;
            server.shutdown();
        }
    }
}
