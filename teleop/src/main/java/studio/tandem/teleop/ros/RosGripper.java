package studio.tandem.teleop.ros;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.device.HardwareDriver;
import studio.tandem.teleop.device.IoLoop;
import studio.tandem.teleop.device.ParallelGripperDriver;
import studio.tandem.teleop.robot.HandSpec;

/**
 * A parallel gripper behind rosbridge (CRISP's {@code gripper_position_controller}). One joint, {@code gap}
 * (m, 0 closed .. 2 × maxFinger open) = twice the finger joint read from {@code joint_states}; commands
 * publish the finger position ({@code gap / 2}) as a one-element Float64MultiArray, republished at
 * {@code rateHz} while ACTIVE. No tactile sensors (0). Lost connection or stalled state → FAULT; the controller
 * keeps its last command. {@link #read} / {@link #send}: control thread, allocation-free.
 */
public final class RosGripper extends ParallelGripperDriver {
    private final RosGripperConfig config;
    private final NanoClock clock;
    /** [stamp, gap]. */
    private final double[] state = new double[2];
    private volatile RosbridgeClient client;
    private volatile Republisher republisher;
    private volatile long lastStateNanos;

    public RosGripper(RosGripperConfig config, NanoClock clock) {
        this(config, clock, HardwareDriver.daemonThreads("rosbridge-" + config.id(), Thread.NORM_PRIORITY));
    }

    /** Does no I/O. */
    public RosGripper(RosGripperConfig config, NanoClock clock, ThreadFactory threads) {
        super(config.id(), threads, HandSpec.parallelGripper(2 * config.maxFinger(), 0.2), 2);
        this.config = config;
        this.clock = clock;
    }

    /** @throws DeviceException naming the URL or the missing finger joint */
    @Override
    protected Runnable openIo() throws DeviceException {
        Duration timeout = Duration.ofMillis(config.connectTimeoutMs());
        RosbridgeClient c;
        try {
            c = RosbridgeClient.connect(config.url(), timeout, this::lost);
            c.advertise(config.resolve(config.commandTopic()), "std_msgs/msg/Float64MultiArray");
            long before = stateSlot().writes();
            client = c;
            c.subscribe(config.resolve(config.jointStates()), RosMessages.JOINT_STATE, this::onJoints);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (stateSlot().writes() == before && System.nanoTime() < deadline && c.isOpen()) {
                LockSupport.parkNanos(2_000_000);
            }
            if (stateSlot().writes() == before) {
                c.close();
                client = null;
                throw new DeviceException(config.id() + ": no " + config.fingerJoint() + " in "
                        + config.resolve(config.jointStates()) + " from " + config.url() + " within "
                        + config.connectTimeoutMs() + " ms");
            }
        } catch (IOException e) {
            throw new DeviceException(config.id() + ": " + e.getMessage(), e);
        }
        lastStateNanos = System.nanoTime();
        Republisher r = new Republisher(c);
        republisher = r;
        return r;
    }

    /** WebSocket thread: the finger joint of one {@code joint_states} message, as the gap. */
    private void onJoints(JsonNode msg) {
        JsonNode names = msg.path("name");
        JsonNode pos = msg.path("position");
        for (int k = 0; k < names.size() && k < pos.size(); k++) {
            if (config.fingerJoint().equals(names.get(k).asText()) && pos.get(k).isNumber()) {
                state[0] = clock.nanoTime();
                state[1] = 2 * pos.get(k).asDouble();
                stateSlot().write(state);
                lastStateNanos = System.nanoTime();
                return;
            }
        }
    }

    @Override
    protected void stopIo(boolean closing) {
        Republisher r = republisher;
        republisher = null;
        RosbridgeClient c = client;
        client = null;
        if (r != null) {
            r.stopThread(true, 1000);
        } else if (c != null) {
            c.close();
        }
    }

    private void lost(String reason) {
        Republisher r = republisher;
        if (r != null && r.running()) {
            r.fault("rosbridge connection to " + config.url() + " lost: " + reason
                    + "; the gripper keeps its last command");
        }
    }

    /** The republisher thread: the latest target at {@code rateHz} while ACTIVE, and the stall watchdog. */
    private final class Republisher extends IoLoop {
        private final RosbridgeClient c;
        private final double[] target = new double[1];
        private final String topic = config.resolve(config.commandTopic());
        private ObjectNode msg;
        private ArrayNode data;

        Republisher(RosbridgeClient c) {
            super(RosGripper.this.life);
            this.c = c;
        }

        @Override
        protected void body() throws IOException {
            msg = c.json().createObjectNode();
            ObjectNode layout = msg.putObject("layout");
            layout.putArray("dim");
            layout.put("data_offset", 0);
            data = msg.putArray("data");
            data.add(0.0);
            runAtRate(config.rateHz());
        }

        @Override
        protected boolean linkUp() {
            return c.isOpen();
        }

        @Override
        protected boolean cycle() throws IOException {
            if (System.nanoTime() - lastStateNanos > config.faultAfterMs() * 1_000_000L) {
                fault("no " + config.fingerJoint() + " in " + config.resolve(config.jointStates()) + " for more than "
                        + config.faultAfterMs() + " ms; the gripper keeps its last command");
                return false;
            }
            if (life.state() == DeviceState.ACTIVE) {
                targetSlot().read(target);
                data.set(0, target[0] / 2);
                c.publish(topic, msg);
            }
            return true;
        }

        @Override
        protected void linkFailed(IOException e) {
            fault("rosbridge " + config.url() + ": " + e.getMessage());
        }

        @Override
        protected void closeLink() {
            c.close();
        }
    }
}
