package studio.tandem.recorder.episode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.recorder.capture.CameraEpisode;
import studio.tandem.recorder.capture.VectorInput;
import studio.tandem.recorder.ring.VectorRing;
import studio.tandem.recorder.stage.StageFiles;

/**
 * The recorder's writer thread: drains every vector ring and the event queue into the active
 * episode's staging log, releases rows to the camera encoders as their instants pass, makes the log
 * durable every sync interval, watches the free disk space, and runs the lifecycle commands the
 * {@link Recorder} queues (so start, stop and row release are ordered on one thread).
 */
final class Collector implements Runnable, VectorRing.SampleHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Collector.class);
    /** The writer wakes this often: rings hold seconds of samples, so it drains in batches. */
    private static final long PARK_NANOS = 4_000_000L;
    private static final int DRAIN_BATCH = 1024;
    /** Staged records are handed to the OS this often (a killed process loses at most this much). */
    private static final long FLUSH_NANOS = 100_000_000L;

    private final List<VectorInput> vectors;
    private final NanoClock clock;
    private final RecorderConfig config;
    private final DiskSpace disk;
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final ArrayBlockingQueue<RecorderEvent> events = new ArrayBlockingQueue<>(1024);
    private final AtomicLong eventsDropped = new AtomicLong();
    private final long period;
    private volatile boolean running = true;
    private ActiveEpisode active;
    private short stream;
    /** Newest sample of every stream, carried into a new episode as its "latest before start". */
    private final double[][] last;
    private final long[] lastTime;
    private long lastDiskCheck;
    /** Called (on this thread) when the disk guard or a write failure ends recording. */
    private AutoStopHandler autoStop;

    interface AutoStopHandler {
        void autoStop(String reason);
    }

    Collector(List<VectorInput> vectors, NanoClock clock, RecorderConfig config, DiskSpace disk) {
        this.vectors = vectors;
        this.clock = clock;
        this.config = config;
        this.disk = disk;
        this.period = config.periodNanos();
        this.last = new double[vectors.size()][];
        this.lastTime = new long[vectors.size()];
        for (int s = 0; s < vectors.size(); s++) {
            last[s] = new double[vectors.get(s).feature().length()];
            lastTime[s] = Long.MIN_VALUE;
        }
    }

    void onAutoStop(AutoStopHandler h) {
        autoStop = h;
    }

    /** Queues a command to run on the writer thread. Any thread. */
    void execute(Runnable command) {
        commands.add(command);
    }

    /** Queues an event; false (and counted) when the queue is full. Any thread. */
    boolean event(RecorderEvent e) {
        if (!events.offer(e)) {
            eventsDropped.incrementAndGet();
            return false;
        }
        return true;
    }

    long eventsDropped() {
        return eventsDropped.get();
    }

    void shutdown() {
        running = false;
    }

    ActiveEpisode active() {
        return active;
    }

    /** Makes {@code ep} the episode being recorded; logs each stream's newest earlier sample first. */
    void activate(ActiveEpisode ep) {
        drainAll();
        active = ep;
        for (int s = 0; s < last.length; s++) {
            if (lastTime[s] != Long.MIN_VALUE) {
                stream = (short) s;
                logSample(ep, lastTime[s], last[s], 0, last[s].length);
            }
        }
    }

    /** Ends the active episode's staging (writer thread): final drain, counters, stop record. */
    ActiveEpisode deactivate(long stopNanos, int rows) {
        ActiveEpisode ep = active;
        drainAll();
        if (!ep.logBroken) {
            try {
                writeCounters(ep);
                ByteBuffer b = ep.log.begin(StageFiles.STOP, 12);
                b.putLong(stopNanos).putInt(rows);
                ep.log.end();
                ep.log.close();
            } catch (IOException e) {
                ep.logBroken = true;
                LOG.warn("staging log of {} could not be closed: {}", ep.dir, e.toString());
            }
        }
        active = null;
        return ep;
    }

    /** Writes a metadata or event record to the active episode (writer thread). */
    void writeText(byte type, String text) {
        ActiveEpisode ep = active;
        if (ep == null || ep.logBroken) {
            return;
        }
        try {
            ep.log.writeText(type, text);
        } catch (IOException e) {
            broken(ep, e);
        }
    }

    @Override
    public void run() {
        while (running || !commands.isEmpty()) {
            Runnable c;
            while ((c = commands.poll()) != null) {
                c.run();
            }
            drainAll();
            ActiveEpisode ep = active;
            if (ep != null) {
                long now = clock.nanoTime();
                long row = Math.floorDiv(now - ep.t0, period);
                if (row > ep.releasedRow) {
                    ep.releasedRow = row;
                    for (CameraEpisode ce : ep.cameras) {
                        ce.release(row);
                    }
                }
                maintain(ep, now);
            }
            LockSupport.parkNanos(PARK_NANOS);
        }
    }

    private void drainAll() {
        for (int s = 0; s < vectors.size(); s++) {
            stream = (short) s;
            VectorRing ring = vectors.get(s).ring();
            while (ring.drain(this, DRAIN_BATCH) == DRAIN_BATCH) {
                // keep draining
            }
        }
        RecorderEvent e;
        while ((e = events.poll()) != null) {
            writeEvent(e);
        }
    }

    @Override
    public void onSample(long captureNanos, double[] values, int offset, int width) {
        System.arraycopy(values, offset, last[stream], 0, width);
        lastTime[stream] = captureNanos;
        ActiveEpisode ep = active;
        if (ep != null && !ep.logBroken) {
            logSample(ep, captureNanos, values, offset, width);
        }
    }

    private void logSample(ActiveEpisode ep, long captureNanos, double[] values, int offset, int width) {
        try {
            ByteBuffer b = ep.log.begin(StageFiles.VECTOR, 10 + 8 * width);
            b.putShort(stream).putLong(captureNanos);
            for (int i = 0; i < width; i++) {
                b.putDouble(values[offset + i]);
            }
            ep.log.end();
        } catch (IOException ex) {
            broken(ep, ex);
        }
    }

    private void writeEvent(RecorderEvent e) {
        ActiveEpisode ep = active;
        if (ep == null || ep.logBroken) {
            return;
        }
        byte[] kind = e.kind().getBytes(StandardCharsets.UTF_8);
        byte[] text = e.text().getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer b = ep.log.begin(StageFiles.EVENT, 10 + kind.length + text.length);
            b.putLong(e.timeNanos()).putShort((short) kind.length).put(kind).put(text);
            ep.log.end();
        } catch (IOException ex) {
            broken(ep, ex);
        }
    }

    private void writeCounters(ActiveEpisode ep) throws IOException {
        for (int s = 0; s < vectors.size(); s++) {
            ByteBuffer b = ep.log.begin(StageFiles.COUNTERS, 10);
            b.putShort((short) s).putLong(vectors.get(s).overflowCount() - ep.overflowsAtStart[s]);
            ep.log.end();
        }
    }

    private void maintain(ActiveEpisode ep, long now) {
        if (!ep.logBroken && now - ep.lastFlushNanos >= FLUSH_NANOS) {
            try {
                ep.lastFlushNanos = now;
                if (now - ep.log.lastSyncNanos() >= config.syncIntervalNanos()) {
                    writeCounters(ep);
                    ep.log.sync(now);
                } else {
                    ep.log.flush();
                }
            } catch (IOException e) {
                broken(ep, e);
                return;
            }
        }
        if (now - lastDiskCheck >= config.diskCheckNanos()) {
            lastDiskCheck = now;
            long free;
            try {
                free = disk.usableBytes();
            } catch (IOException e) {
                free = Long.MAX_VALUE;
                LOG.warn("free disk space unknown: {}", e.toString());
            }
            if (free < config.diskReserveBytes()) {
                autoStop.autoStop("disk almost full (" + (free >> 20) + " MB left, reserve "
                        + (config.diskReserveBytes() >> 20) + " MB): recording stopped and saved");
            }
        }
    }

    private void broken(ActiveEpisode ep, IOException e) {
        ep.logBroken = true;
        LOG.warn("staging write failed in {}: {}", ep.dir, e.toString());
        autoStop.autoStop("writing the staged episode failed (" + e.getMessage()
                + "): recording stopped, saving what was recorded");
    }
}
