package studio.tandem.teleop.ros;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceLifecycle;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.device.IoLoop;
import studio.tandem.teleop.sim.SeqLockBuffer;

/**
 * One rosbridge session of a {@link RosArm}: subscriptions that turn {@code joint_states} and
 * {@code current_pose} into the latest state (WebSocket thread, single writer), and the republisher thread
 * that sends the latest target at {@code rateHz} while ACTIVE and watches for stalled state.
 */
final class RosArmLink extends IoLoop {
    /** Target slot: kind (0 joint, 1 pose), then dof joint values or x, y, z, qx, qy, qz, qw. */
    static final int JOINT = 0;
    static final int POSE = 1;

    private final RosArmConfig cfg;
    private final RosbridgeClient client;
    private final NanoClock clock;
    private final SeqLockBuffer stateSlot;
    private final SeqLockBuffer targetSlot;
    private final int dof;
    private final Map<String, Integer> index = new HashMap<>();
    private final double[] state;
    private final double[] target;
    private final ObjectNode poseMsg;
    private final ObjectNode jointMsg;
    private volatile long lastJointsNanos;
    private long published;
    private long badMessages;

    RosArmLink(RosArmConfig cfg, RosbridgeClient client, NanoClock clock, DeviceLifecycle life, SeqLockBuffer stateSlot,
               SeqLockBuffer targetSlot, int dof) {
        super(life);
        this.cfg = cfg;
        this.client = client;
        this.clock = clock;
        this.stateSlot = stateSlot;
        this.targetSlot = targetSlot;
        this.dof = dof;
        for (int i = 0; i < dof; i++) {
            index.put(cfg.rosJointNames().get(i), i);
        }
        this.state = new double[stateSlot.size()];
        this.target = new double[targetSlot.size()];
        this.poseMsg = RosMessages.poseStamped(client.json(), cfg.baseFrame());
        this.jointMsg = RosMessages.jointState(client.json(), cfg.rosJointNames());
    }

    /** Advertises the target topics and subscribes to the state topics. */
    void start() throws IOException {
        client.advertise(cfg.resolve(cfg.targetPose()), RosMessages.POSE_STAMPED);
        client.advertise(cfg.resolve(cfg.targetJoint()), RosMessages.JOINT_STATE);
        client.subscribe(cfg.resolve(cfg.jointStates()), RosMessages.JOINT_STATE, this::onJoints);
        client.subscribe(cfg.resolve(cfg.currentPose()), RosMessages.POSE_STAMPED, this::onPose);
    }

    /** State layout: stamp, q[dof], qd[dof], pose[7], has pose, joints seen. */
    static int slotSize(int dof) {
        return 1 + 2 * dof + 7 + 2;
    }

    private synchronized void onJoints(JsonNode msg) {
        JsonNode names = msg.path("name");
        JsonNode pos = msg.path("position");
        JsonNode vel = msg.path("velocity");
        int found = 0;
        for (int k = 0; k < pos.size(); k++) {
            Integer i = names.size() == pos.size() ? index.get(names.get(k).asText()) : (k < dof ? k : null);
            if (i == null || !pos.get(k).isNumber()) {
                continue;
            }
            state[1 + i] = pos.get(k).asDouble();
            state[1 + dof + i] = vel.size() == pos.size() ? vel.get(k).asDouble() : 0;
            found++;
        }
        if (found < dof) {
            badMessages++;
            return;
        }
        state[0] = clock.nanoTime();
        state[state.length - 1] = 1;
        stateSlot.write(state);
        lastJointsNanos = System.nanoTime();
    }

    private synchronized void onPose(JsonNode msg) {
        if (!RosMessages.readPose(msg, state, 1 + 2 * dof)) {
            badMessages++;
            return;
        }
        state[state.length - 2] = 1;
        if (state[state.length - 1] == 1) {
            stateSlot.write(state);
        }
    }

    @Override
    protected void body() throws IOException {
        runAtRate(cfg.rateHz());
    }

    @Override
    protected boolean linkUp() {
        return client.isOpen();
    }

    @Override
    protected boolean cycle() throws IOException {
        if (System.nanoTime() - lastJointsNanos > cfg.faultAfterMs() * 1_000_000L) {
            fault("no " + cfg.resolve(cfg.jointStates()) + " from " + cfg.url() + " for more than "
                    + cfg.faultAfterMs() + " ms; the controller holds its last target");
            return false;
        }
        if (life.state() == DeviceState.ACTIVE) {
            publishTarget();
        }
        return true;
    }

    @Override
    protected void linkFailed(IOException e) {
        fault("rosbridge " + cfg.url() + ": " + e.getMessage() + "; the controller holds its last target");
    }

    private void publishTarget() throws IOException {
        targetSlot.read(target);
        if (target[0] == POSE) {
            RosMessages.setPose(poseMsg, target, 1);
            client.publish(cfg.resolve(cfg.targetPose()), poseMsg);
        } else {
            RosMessages.setPositions(jointMsg, target, 1);
            client.publish(cfg.resolve(cfg.targetJoint()), jointMsg);
        }
        published++;
    }

    /** Connection lost (from the client's close callback). */
    void lost(String reason) {
        if (running()) {
            fault("rosbridge connection to " + cfg.url() + " lost: " + reason + "; the controller holds its last target");
        }
    }

    void primeWatchdog() {
        lastJointsNanos = System.nanoTime();
    }

    long published() {
        return published;
    }

    long badMessages() {
        return badMessages;
    }

    void stop() {
        stopThread(true, 1000);
    }

    @Override
    protected void closeLink() {
        client.close();
    }
}
