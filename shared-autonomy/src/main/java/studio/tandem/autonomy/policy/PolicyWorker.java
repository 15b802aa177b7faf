package studio.tandem.autonomy.policy;

import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.dataset.time.NanoClock;

/**
 * The policy thread: at the inference rate it takes the latest observation, runs the predictor
 * and queues the chunk, anchored at the observation's capture time. The control loop never waits
 * on it. Tests and simulated-time runs call {@link #step()} themselves instead of {@link #start()}.
 */
public final class PolicyWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyWorker.class);

    private final ChunkPredictor predictor;
    private final ObservationSlot slot;
    private final ObservationSlot.Snapshot snapshot;
    private final ChunkQueue out;
    private final NanoClock clock;
    private final long periodNanos;
    private final double[] chunk;
    private long lastVersion = -1;
    private volatile long inferences;
    private volatile long failures;
    private volatile long lastLatencyNanos;
    private volatile boolean running;
    private Thread thread;
    private PolicyFrames frames;

    public PolicyWorker(ChunkPredictor predictor, ObservationSlot slot, ChunkQueue out, NanoClock clock,
            double inferenceHz, int chunkLength) {
        this.predictor = predictor;
        this.slot = slot;
        this.snapshot = slot.newSnapshot();
        this.out = out;
        this.clock = clock;
        this.periodNanos = Math.round(1e9 / inferenceHz);
        this.chunk = new double[chunkLength];
    }

    /**
     * One inference on the latest observation, if there is a new one.
     *
     * @return true when a chunk was queued
     */
    public boolean step() {
        long v = slot.read(snapshot);
        if (v < 0 || v == lastVersion) {
            return false;
        }
        lastVersion = v;
        long t0 = clock.nanoTime();
        try {
            double score = predictor.predict(snapshot, chunk);
            lastLatencyNanos = clock.nanoTime() - t0;
            inferences++;
            return out.offer(snapshot.stampNanos(), chunk, score);
        } catch (Exception e) {
            failures++;
            if (failures == 1 || failures % 100 == 0) {
                LOG.warn("policy inference failed ({} failures so far): {}", failures, e.getMessage());
            }
            return false;
        }
    }

    /**
     * A frame source this worker starts and closes with itself (the one its predictor reads). Call
     * before {@link #start()}.
     */
    public void manage(PolicyFrames source) {
        frames = source;
    }

    /** Starts the managed frame source, then runs {@link #step()} at the inference rate on its own thread. */
    public void start() {
        if (frames != null) {
            frames.start();
        }
        running = true;
        thread = new Thread(this::run, "tandem-policy");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long next = clock.nanoTime();
        while (running) {
            step();
            next += periodNanos;
            long wait = next - clock.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = clock.nanoTime();
            }
        }
    }

    public long inferences() {
        return inferences;
    }

    public long failures() {
        return failures;
    }

    /** Duration of the last inference, ns. */
    public long lastLatencyNanos() {
        return lastLatencyNanos;
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (frames != null) {
            frames.close();
        }
    }
}
