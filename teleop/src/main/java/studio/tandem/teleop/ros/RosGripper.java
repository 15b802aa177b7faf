package studio.tandem.teleop.ros;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.DeviceLifecycle;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.kinematics.JointLimits;
import studio.tandem.teleop.robot.Hand;
import studio.tandem.teleop.robot.HandCommand;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.robot.HandState;
import studio.tandem.teleop.robot.RobotFeatures;
import studio.tandem.teleop.sim.SeqLockBuffer;

/**
 * A parallel gripper behind rosbridge (CRISP's {@code gripper_position_controller}). One joint, {@code gap}
 * (m, 0 closed .. 2 × maxFinger open) = twice the finger joint read from {@code joint_states}; commands
 * publish the finger position ({@code gap / 2}) as a one-element Float64MultiArray, republished at
 * {@code rateHz} while ACTIVE. No tactile sensors (0). Lost connection or stalled state → FAULT; the controller
 * keeps its last command. {@link #read} / {@link #send}: control thread, allocation-free.
 */
public final class RosGripper implements Hand {
    private static final Logger LOG = LoggerFactory.getLogger(RosGripper.class);

    private final RosGripperConfig config;
    private final NanoClock clock;
    private final ThreadFactory threads;
    private final DeviceLifecycle life;
    private final HandSpec spec;
    private final FeatureSet observation;
    private final FeatureSet action;
    /** [stamp, gap]. */
    private final SeqLockBuffer stateSlot = new SeqLockBuffer(2);
    private final SeqLockBuffer targetSlot = new SeqLockBuffer(1);
    /** Serialises writers of the target slot (the control thread, and activate() before ACTIVE). */
    private final Object targetLock = new Object();
    private final double[] readBuf = new double[2];
    private final double[] applied = new double[1];
    private final double[] state = new double[2];
    private final double[] target = new double[1];
    private volatile RosbridgeClient client;
    private volatile boolean running;
    private volatile long lastStateNanos;
    private volatile Thread thread;
    private long rejected;

    public RosGripper(RosGripperConfig config, NanoClock clock) {
        this(config, clock, r -> {
            Thread t = new Thread(r, "rosbridge-" + config.id());
            t.setDaemon(true);
            return t;
        });
    }

    /** Does no I/O. */
    public RosGripper(RosGripperConfig config, NanoClock clock, ThreadFactory threads) {
        this.config = config;
        this.clock = clock;
        this.threads = threads;
        this.life = new DeviceLifecycle(config.id());
        double open = 2 * config.maxFinger();
        this.spec = new HandSpec(HandSpec.Kind.PARALLEL_GRIPPER, List.of("gap"),
                new JointLimits(new double[] {0}, new double[] {open}, new double[] {0.2}),
                List.of("left_pad", "right_pad"), new double[] {open}, new double[] {0});
        this.observation = RobotFeatures.handObservation(config.id(), spec);
        this.action = RobotFeatures.handAction(config.id(), spec);
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public DeviceState state() {
        return life.state();
    }

    @Override
    public String faultReason() {
        return life.faultReason();
    }

    @Override
    public HandSpec spec() {
        return spec;
    }

    @Override
    public FeatureSet observationFeatures() {
        return observation;
    }

    @Override
    public FeatureSet actionFeatures() {
        return action;
    }

    /** @throws DeviceException naming the URL or the missing finger joint */
    @Override
    public synchronized void connect() throws DeviceException {
        if (life.state().readable()) {
            return;
        }
        stop();
        Duration timeout = Duration.ofMillis(config.connectTimeoutMs());
        RosbridgeClient c;
        try {
            c = RosbridgeClient.connect(config.url(), timeout, this::lost);
            c.advertise(config.resolve(config.commandTopic()), "std_msgs/msg/Float64MultiArray");
            long before = stateSlot.writes();
            client = c;
            c.subscribe(config.resolve(config.jointStates()), RosMessages.JOINT_STATE, this::onJoints);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (stateSlot.writes() == before && System.nanoTime() < deadline && c.isOpen()) {
                LockSupport.parkNanos(2_000_000);
            }
            if (stateSlot.writes() == before) {
                c.close();
                client = null;
                throw new DeviceException(config.id() + ": no " + config.fingerJoint() + " in "
                        + config.resolve(config.jointStates()) + " from " + config.url() + " within "
                        + config.connectTimeoutMs() + " ms");
            }
        } catch (IOException e) {
            throw new DeviceException(config.id() + ": " + e.getMessage(), e);
        }
        running = true;
        lastStateNanos = System.nanoTime();
        life.set(DeviceState.CONNECTED);
        threads.newThread(this::republish).start();
    }

    private void onJoints(JsonNode msg) {
        JsonNode names = msg.path("name");
        JsonNode pos = msg.path("position");
        for (int k = 0; k < names.size() && k < pos.size(); k++) {
            if (config.fingerJoint().equals(names.get(k).asText()) && pos.get(k).isNumber()) {
                state[0] = clock.nanoTime();
                state[1] = 2 * pos.get(k).asDouble();
                stateSlot.write(state);
                lastStateNanos = System.nanoTime();
                return;
            }
        }
    }

    /** Holds the measured opening and starts republishing. */
    @Override
    public synchronized void activate() throws DeviceException {
        if (life.state() == DeviceState.ACTIVE) {
            return;
        }
        if (life.state() != DeviceState.CONNECTED) {
            throw new DeviceException(config.id() + ": cannot activate while " + life.state()
                    + (life.faultReason().isEmpty() ? "" : " (" + life.faultReason() + ")"));
        }
        stateSlot.read(readBuf);
        applied[0] = readBuf[1];
        publishTarget(applied);
        if (!life.transition(DeviceState.CONNECTED, DeviceState.ACTIVE)) {
            throw new DeviceException(config.id() + ": activation interrupted: " + life.faultReason());
        }
    }

    @Override
    public synchronized void deactivate() {
        if (life.state() == DeviceState.ACTIVE) {
            life.transition(DeviceState.ACTIVE, DeviceState.CONNECTED);
        }
    }

    @Override
    public synchronized void close() {
        stop();
        life.set(DeviceState.DISCONNECTED);
    }

    private void stop() {
        running = false;
        RosbridgeClient c = client;
        client = null;
        if (c != null) {
            c.close();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Republisher thread. */
    private void republish() {
        thread = Thread.currentThread();
        RosbridgeClient c = client;
        ObjectNode msg = c.json().createObjectNode();
        ObjectNode layout = msg.putObject("layout");
        layout.putArray("dim");
        layout.put("data_offset", 0);
        ArrayNode data = msg.putArray("data");
        data.add(0.0);
        String topic = config.resolve(config.commandTopic());
        long period = 1_000_000_000L / config.rateHz();
        try {
            while (running && c.isOpen()) {
                if (System.nanoTime() - lastStateNanos > config.faultAfterMs() * 1_000_000L) {
                    fault("no " + config.fingerJoint() + " in " + config.resolve(config.jointStates()) + " for more than "
                            + config.faultAfterMs() + " ms; the gripper keeps its last command");
                    return;
                }
                if (life.state() == DeviceState.ACTIVE) {
                    targetSlot.read(target);
                    data.set(0, target[0] / 2);
                    c.publish(topic, msg);
                }
                LockSupport.parkNanos(period);
            }
        } catch (IOException e) {
            fault("rosbridge " + config.url() + ": " + e.getMessage());
        } finally {
            thread = null;
        }
    }

    private void lost(String reason) {
        if (running) {
            fault("rosbridge connection to " + config.url() + " lost: " + reason + "; the gripper keeps its last command");
        }
    }

    private void fault(String reason) {
        running = false;
        if (life.fault(reason)) {
            LOG.warn("{}: {}", config.id(), reason);
        }
        RosbridgeClient c = client;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void read(HandState out) {
        life.requireReadable();
        long seq = stateSlot.read(readBuf);
        out.positions()[0] = readBuf[1];
        java.util.Arrays.fill(out.tactile(), 0);
        java.util.Arrays.fill(out.normals(), 0);
        out.stamp((long) readBuf[0], seq);
    }

    @Override
    public void send(HandCommand command, HandCommand appliedOut) {
        life.requireActive();
        double g = command.positions()[0];
        if (Double.isFinite(g)) {
            applied[0] = g;
        } else {
            rejected++;
        }
        spec.limits().clampPositions(applied);
        publishTarget(applied);
        appliedOut.set(applied, command.stampNanos());
    }

    /** Requests rejected as NaN/infinite. */
    public long rejectedCount() {
        return rejected;
    }

    /** Publishes a target to the I/O thread; the slot has one writer at a time. Allocation-free. */
    private void publishTarget(double[] values) {
        synchronized (targetLock) {
            targetSlot.write(values);
        }
    }
}
