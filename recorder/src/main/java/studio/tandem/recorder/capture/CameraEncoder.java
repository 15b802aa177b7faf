package studio.tandem.recorder.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.recorder.ring.FrameRing;
import studio.tandem.recorder.ring.FrameSlot;
import studio.tandem.recorder.stage.StageFiles;
import studio.tandem.recorder.stage.StagingLog;
import studio.tandem.recorder.stage.StagingOutput;
import studio.tandem.recorder.video.StagedVideo;

/**
 * The encoder thread of one camera. It takes frames from the camera's {@link FrameRing}, picks for
 * every dataset row the frame whose capture time is nearest the row's instant, and encodes it live
 * at pts {@code row / fps}; it also logs (row, capture time) to a staging log so recovery and skew
 * reports know what each row holds. Between episodes it keeps only the newest frame.
 *
 * <p>Runs on its own thread ({@link #run()}); {@link #submit} and {@link #shutdown} from any thread.
 * Nothing is allocated per frame.
 */
public final class CameraEncoder implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraEncoder.class);

    private final String key;
    private final FrameRing ring;
    private final NanoClock clock;
    private final StagedVideo video;
    private final StagingOutput.Factory outputs;
    private final int width;
    private final int height;
    private final double fps;
    private final long periodNanos;
    private final long waitNanos;
    private final long staleNanos;
    private final long syncNanos;
    /** Idle wait: an eighth of a row (1..4 ms), so waking costs little CPU next to encoding. */
    private final long parkNanos;
    private final CameraInput input;
    private final ByteBuffer blank;
    private final FrameSampler sampler;
    private final Queue<CameraEpisode> pending = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    private volatile long encoded;
    private CameraEpisode current;
    private FrameSlot held;

    /**
     * @param waitNanos  how long after a row's instant to wait for a later frame before using the
     *                   newest one available
     * @param staleNanos a row whose frame is further than this from its instant counts as missing
     * @param syncNanos  interval of durable flushes of the staged files
     */
    public CameraEncoder(CameraInput input, double fps, NanoClock clock,
            StagedVideo video, StagingOutput.Factory outputs, long waitNanos, long staleNanos, long syncNanos) {
        this.key = input.feature().name();
        this.input = input;
        this.ring = input.ring();
        this.width = input.feature().width();
        this.height = input.feature().height();
        this.fps = fps;
        this.clock = clock;
        this.video = video;
        this.outputs = outputs;
        this.periodNanos = Math.round(1e9 / fps);
        // The camera thread unparks us on every publish; the timed park only bounds how late a
        // deadline (a row whose frame never comes) is noticed.
        this.parkNanos = Math.max(1_000_000L, periodNanos / 2);
        this.waitNanos = waitNanos;
        this.staleNanos = staleNanos;
        this.syncNanos = syncNanos;
        this.blank = ByteBuffer.allocateDirect(width * height * 3);
        this.sampler = new FrameSampler(width, height, 256);
    }

    public String key() {
        return key;
    }

    /** Rows encoded since creation, over all episodes. Any thread. */
    public long encodedCount() {
        return encoded;
    }

    /** Queues an episode; the encoder starts it once the previous one is finished. Any thread. */
    public void submit(CameraEpisode ep) {
        pending.add(ep);
    }

    /** Asks the thread to finish the queued episodes and end. Any thread. */
    public void shutdown() {
        running = false;
    }

    @Override
    public void run() {
        input.wakeOnPublish(Thread.currentThread());
        while (running || current != null || !pending.isEmpty()) {
            if (current == null) {
                current = pending.poll();
            }
            CameraEpisode ep = current;
            if (ep == null) {
                keepNewestOnly();
                LockSupport.parkNanos(parkNanos);
                continue;
            }
            boolean progressed;
            try {
                progressed = step(ep);
                if (ep.complete()) {
                    finish(ep);
                    current = null;
                    continue;
                }
            } catch (IOException | RuntimeException e) {
                fail(ep, e);
                current = null;
                continue;
            }
            if (!progressed) {
                LockSupport.parkNanos(parkNanos);
            }
        }
        if (held != null) {
            ring.release();
            held = null;
        }
    }

    private void keepNewestOnly() {
        FrameSlot s;
        while ((s = ring.poll()) != null) {
            take(s);
        }
    }

    /** Makes {@code s} (just polled) the held frame, releasing the previous one. */
    private void take(FrameSlot s) {
        if (held != null) {
            ring.release();
        }
        held = s;
    }

    private boolean step(CameraEpisode ep) throws IOException {
        if (ep.discarded) {
            ep.finalRows = ep.next;
            return true;
        }
        boolean progressed = false;
        long limit = ep.limit();
        while (ep.next < limit) {
            long t = ep.t0 + ep.next * periodNanos;
            FrameSlot nx;
            while ((nx = ring.peek()) != null && nx.captureNanos() <= t) {
                take(ring.poll());
                ep.frames++;
            }
            if (nx != null) {
                if (held == null || nx.captureNanos() - t < t - held.captureNanos()) {
                    take(ring.poll());
                    ep.frames++;
                }
            } else if (clock.nanoTime() - t < waitNanos) {
                break;
            }
            encodeRow(ep, t);
            progressed = true;
        }
        if (ep.log != null) {
            long now = clock.nanoTime();
            if (now - ep.lastSyncNanos >= syncNanos) {
                writeCounters(ep);
                ep.sink.flush();
                ep.log.sync(now);
                ep.lastSyncNanos = now;
            }
        }
        return progressed;
    }

    private void encodeRow(CameraEpisode ep, long t) throws IOException {
        if (ep.sink == null) {
            ep.log = new StagingLog(outputs.open(ep.frameLog), 4096, syncNanos, clock.nanoTime());
            ep.lastSyncNanos = clock.nanoTime();
            sampler.reset();
            ep.sink = video.open(ep.video, width, height, fps);
        }
        long capture = -1;
        long seq = -1;
        if (held == null) {
            ep.missing++;
            ep.sink.encode(blank, ep.next);
            sampler.add(ep.next, blank);
        } else {
            capture = held.captureNanos();
            seq = held.sequence();
            long skew = capture - t;
            ep.skew.add(skew);
            if (Math.abs(skew) > staleNanos) {
                ep.missing++;
            }
            if (seq == ep.lastSequence) {
                ep.repeated++;
            }
            ep.sink.encode(held.pixels(), ep.next);
            sampler.add(ep.next, held.pixels());
        }
        ByteBuffer b = ep.log.begin(StageFiles.FRAME, 20);
        b.putInt(ep.next).putLong(capture).putLong(seq);
        ep.log.end();
        ep.lastSequence = seq;
        ep.next++;
        encoded++;
    }

    private void writeCounters(CameraEpisode ep) throws IOException {
        ByteBuffer b = ep.log.begin(StageFiles.COUNTERS, 16);
        b.putLong(ep.frames).putLong(ring.dropCount() - ep.dropsAtStart);
        ep.log.end();
    }

    private void finish(CameraEpisode ep) throws IOException {
        try {
            if (ep.sink != null) {
                ep.sink.close();
                writeCounters(ep);
                ep.log.close();
            }
        } catch (IOException e) {
            fail(ep, e);
            return;
        }
        long dropped = ring.dropCount() - ep.dropsAtStart;
        ep.done.complete(new CameraResult(key, ep.next, ep.frames, dropped, ep.missing, ep.repeated,
                ep.skew.snapshot(), ep.video, ep.discarded ? null : sampler.stats(ep.next)));
    }

    private void fail(CameraEpisode ep, Exception e) {
        LOG.warn("camera {}: episode encoding failed at row {}: {}", key, ep.next, e.toString());
        try {
            if (ep.sink != null) {
                ep.sink.close();
            }
        } catch (IOException | RuntimeException suppressed) {
            e.addSuppressed(suppressed);
        }
        try {
            if (ep.log != null) {
                ep.log.close();
            }
        } catch (IOException | RuntimeException suppressed) {
            e.addSuppressed(suppressed);
        }
        ep.done.completeExceptionally(e);
    }
}
