package studio.tandem.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import studio.tandem.app.record.RecordStation;
import studio.tandem.autonomy.loop.TickData;
import studio.tandem.autonomy.loop.TickRing;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.recorder.capture.VectorInput;
import studio.tandem.recorder.episode.Recorder;

/**
 * What {@code bench control --record} records through the real {@link Recorder}: three synthetic
 * 640×480 cameras at 30 fps on their own threads (plus the synthetic station's 200 Hz vectors), and
 * the control loop's ticks: joint state and executed action, moved from the loop's {@link TickRing}
 * to the recorder's vector inputs by a writer thread, so the loop thread shares no lock, queue or
 * thread with the recorder and its encoders (it only publishes into its own ring). Lifecycle from
 * the command thread.
 */
final class LoopRecordStation implements RecordStation {
    /** How often the writer thread drains the loop's tick ring. */
    private static final long DRAIN_NANOS = 2_000_000L;

    private final SyntheticRecordStation cameras;
    private final TickRing ring;
    private VectorInput state;
    private VectorInput executed;
    private Thread writer;
    private volatile boolean running;
    private volatile long forwarded;
    private volatile long lost;
    private volatile long rejected;

    LoopRecordStation(TickRing ring, NanoClock clock) {
        this.cameras = new SyntheticRecordStation(3, 640, 480, 30, 200, clock);
        this.ring = ring;
    }

    @Override
    public String robotType() {
        return "tandem_bench_control";
    }

    @Override
    public void declare(Recorder recorder) {
        cameras.declare(recorder);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ring.layout().joints(); i++) {
            names.add("j" + i);
        }
        state = recorder.addVector(VectorFeature.float32("observation.loop.joint_pos", names));
        executed = recorder.addVector(VectorFeature.float32("action.loop.executed", names));
    }

    @Override
    public void start() {
        cameras.start();
        running = true;
        writer = new Thread(this::drain, "bench-tick-writer");
        writer.setDaemon(true);
        writer.start();
    }

    private void drain() {
        TickData scratch = new TickData(ring.layout());
        TickRing.Cursor cursor = new TickRing.Cursor(ring.lastSequence() + 1);
        TickRing.Consumer sink = this::forward;
        while (running) {
            ring.drain(cursor, scratch, sink);
            lost = cursor.lost();
            LockSupport.parkNanos(DRAIN_NANOS);
        }
    }

    private void forward(TickData t) {
        boolean ok = state.offer(t.nanos(), t.jointState()) & executed.offer(t.nanos(), t.executed());
        if (ok) {
            forwarded++;
        } else {
            rejected++;
        }
    }

    /** Ticks handed to the recorder. */
    long forwarded() {
        return forwarded;
    }

    /** Ticks overwritten in the loop's ring before the writer read them. */
    long lost() {
        return lost;
    }

    /** Ticks the recorder's vector inputs refused (full). */
    long rejected() {
        return rejected;
    }

    @Override
    public String beginEpisode(int number, String task) {
        return task != null ? task : "hold the arm while the loop is benchmarked";
    }

    @Override
    public long[] framesPublished() {
        return cameras.framesPublished();
    }

    @Override
    public void close() {
        running = false;
        if (writer != null) {
            try {
                writer.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        cameras.close();
    }
}
