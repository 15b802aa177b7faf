package studio.tandem.teleop.leap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceLifecycle;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.device.IoLoop;
import studio.tandem.teleop.sim.SeqLockBuffer;

/**
 * The LEAP hand's I/O thread: each cycle writes the latest goal positions (when ACTIVE) and reads present
 * current / velocity / position of all motors with one sync read. Owns the bus; allocates nothing per cycle.
 */
final class LeapBusLoop extends IoLoop {
    private static final Logger LOG = LoggerFactory.getLogger(LeapBusLoop.class);
    private static final int N = LeapHandConfig.MOTORS;

    private final LeapHandConfig config;
    private final DynamixelBus bus;
    private final NanoClock clock;
    private final SeqLockBuffer stateSlot;
    private final SeqLockBuffer targetSlot;
    private final int[] ids;
    private final int[] goals = new int[N];
    private final int[] ones = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    private final byte[] block = new byte[N * ControlTable.PRESENT_BLOCK];
    private final boolean[] ok = new boolean[N];
    private final boolean[] everMissing = new boolean[N];
    private final double[] target = new double[N];
    private final double[] state = new double[1 + 3 * N];
    private volatile boolean torqueRequested;
    private volatile boolean torqueOn;
    private long lastFullReadNanos;
    private long cycles;
    private long partialReads;

    LeapBusLoop(LeapHandConfig config, DynamixelBus bus, NanoClock clock, SeqLockBuffer stateSlot,
                SeqLockBuffer targetSlot, DeviceLifecycle life) {
        super(life);
        this.config = config;
        this.bus = bus;
        this.clock = clock;
        this.stateSlot = stateSlot;
        this.targetSlot = targetSlot;
        this.ids = config.motorIds();
        this.lastFullReadNanos = System.nanoTime();
    }

    DynamixelBus bus() {
        return bus;
    }

    @Override
    protected void body() throws IOException {
        runAtRate(config.rateHz());
    }

    @Override
    protected boolean cycle() throws IOException {
        if (!cycleOnce() && System.nanoTime() - lastFullReadNanos > config.faultAfterMs() * 1_000_000L) {
            fault("motors " + missingMotors() + " silent for more than " + config.faultAfterMs() + " ms on "
                    + config.port() + " (power or cable?); the hand holds its last goal");
            return false;
        }
        return true;
    }

    @Override
    protected void linkFailed(IOException e) {
        fault("serial link " + config.port() + " lost (" + e.getMessage() + "); the hand holds its last goal");
    }

    /** One bus cycle. Returns true when every motor answered. */
    boolean cycleOnce() throws IOException {
        if (torqueRequested && !torqueOn) {
            writeGoals();
            bus.syncWrite(ControlTable.TORQUE_ENABLE, 1, ids, ones, N);
            torqueOn = true;
        } else if (torqueOn && life.state() == DeviceState.ACTIVE) {
            writeGoals();
        }
        int answered = bus.syncRead(ControlTable.PRESENT_CURRENT, ControlTable.PRESENT_BLOCK, ids, N, block, ok);
        cycles++;
        if (answered < N) {
            partialReads++;
            for (int i = 0; i < N; i++) {
                everMissing[i] = !ok[i];
            }
            return false;
        }
        state[0] = clock.nanoTime();
        for (int i = 0; i < N; i++) {
            int o = i * ControlTable.PRESENT_BLOCK;
            short current = (short) DynamixelPacket.u16(block, o);
            state[1 + 2 * N + i] = current * config.currentUnitMilliamps() / 1000.0;
            state[1 + N + i] = DynamixelPacket.i32(block, o + 2) * ControlTable.RAD_S_PER_VELOCITY_UNIT;
            state[1 + i] = ControlTable.ticksToRad(DynamixelPacket.i32(block, o + 6));
        }
        stateSlot.write(state);
        lastFullReadNanos = System.nanoTime();
        return true;
    }

    private void writeGoals() throws IOException {
        targetSlot.read(target);
        for (int i = 0; i < N; i++) {
            goals[i] = ControlTable.radToTicks(target[i]);
        }
        bus.syncWrite(ControlTable.GOAL_POSITION, 4, ids, goals, N);
    }

    /** Asks the I/O thread to enable torque and waits for it. Application thread. */
    boolean enableTorque(long timeoutNanos) {
        torqueRequested = true;
        long deadline = System.nanoTime() + timeoutNanos;
        while (!torqueOn && System.nanoTime() < deadline && life.state().readable()) {
            LockSupport.parkNanos(1_000_000);
        }
        return torqueOn;
    }

    /** Stops the thread, optionally turns the torque off, closes the link. Application thread. */
    void stop(boolean torqueOff) {
        stopThread(false, 1000);
        if (torqueOff && torqueOn) {
            try {
                bus.syncWrite(ControlTable.TORQUE_ENABLE, 1, ids, new int[N], N);
            } catch (IOException e) {
                LOG.warn("{}: torque off failed: {}", config.id(), e.getMessage());
            }
        }
        bus.link().close();
    }

    String missingMotors() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            if (everMissing[i]) {
                out.add(ids[i]);
            }
        }
        return out.toString();
    }

    long cycles() {
        return cycles;
    }

    long partialReads() {
        return partialReads;
    }

    @Override
    protected void closeLink() {
        bus.link().close();
    }
}
