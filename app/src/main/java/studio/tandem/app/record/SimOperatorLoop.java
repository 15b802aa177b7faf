package studio.tandem.app.record;

import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.recorder.capture.VectorInput;
import studio.tandem.teleop.robot.ArmState;
import studio.tandem.teleop.robot.HandState;
import studio.tandem.teleop.script.OperatorIo;
import studio.tandem.teleop.script.Step;

/**
 * The scripted operator's control thread: at a fixed rate it steps the current script (which commands
 * the arm and hand through {@link OperatorIo}, the path a human operator's commands take), reads the
 * measured arm and hand state and offers every declared vector (observations stamped with their
 * capture time, applied actions with the tick time) to the recorder. A new script replaces the
 * running one at the next tick. Allocation-free per tick; one thread.
 */
final class SimOperatorLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SimOperatorLoop.class);

    private final OperatorIo io;
    private final NanoClock clock;
    private final long periodNanos;
    private final VectorInput[] inputs;
    private final StateSource[] sources;
    private final double[][] buffers;
    private volatile Step next;
    private volatile boolean running = true;
    private volatile long ticks;
    private volatile long lateTicks;
    private volatile String fault = "";
    private volatile boolean idle = true;
    private Step current;

    SimOperatorLoop(OperatorIo io, NanoClock clock, double rateHz, VectorInput[] inputs, StateSource[] sources) {
        this.io = io;
        this.clock = clock;
        this.periodNanos = Math.round(1e9 / rateHz);
        this.inputs = inputs.clone();
        this.sources = sources.clone();
        this.buffers = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            buffers[i] = new double[inputs[i].feature().length()];
        }
    }

    /** Runs {@code script} from the next tick on, ending the current one (interrupted). Any thread. */
    void run(Step script) {
        idle = false;
        next = script;
    }

    /** True once the last script given to {@link #run} is done (or the loop stopped). Any thread. */
    boolean idle() {
        return idle || !running || !fault.isEmpty();
    }

    void stop() {
        running = false;
    }

    /** Control ticks run so far. Any thread. */
    long ticks() {
        return ticks;
    }

    /** Ticks skipped because the thread fell behind its rate; counted. Any thread. */
    long lateTicks() {
        return lateTicks;
    }

    /** Why the loop stopped early, or empty. */
    String fault() {
        return fault;
    }

    @Override
    public void run() {
        long due = clock.nanoTime();
        try {
            while (running) {
                tick(clock.nanoTime());
                due += periodNanos;
                long now = clock.nanoTime();
                if (now - due > periodNanos) {
                    lateTicks += (now - due) / periodNanos;
                    due = now;
                }
                while (running && (now = clock.nanoTime()) < due) {
                    LockSupport.parkNanos(due - now);
                }
            }
        } catch (RuntimeException e) {
            fault = "scripted operator failed: " + e;
            LOG.error("scripted operator stopped", e);
        } finally {
            if (current != null) {
                current.end(true);
            }
        }
    }

    private void tick(long now) {
        Step s = next;
        if (s != null) {
            next = null;
            if (current != null) {
                current.end(!current.isDone());
            }
            current = s;
            s.start(now);
        }
        if (current != null && !current.isDone()) {
            current.step(now);
            if (current.isDone() && next == null) {
                idle = true;
            }
        }
        ArmState arm = io.readArm();
        HandState hand = io.readHand();
        for (int i = 0; i < inputs.length; i++) {
            long stamp = sources[i].fill(buffers[i], arm, hand, io.lastAppliedArm(), io.lastAppliedHand(), now);
            inputs[i].offer(stamp, buffers[i]);
        }
        ticks++;
    }
}
