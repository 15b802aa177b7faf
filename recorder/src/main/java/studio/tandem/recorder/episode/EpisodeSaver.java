package studio.tandem.recorder.episode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.dataset.lerobot.FeatureStats;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.recorder.capture.CameraEpisode;

/**
 * The recorder's saver thread: waits for the encoders to close an episode's staged videos, assembles
 * the episode from its staging directory and appends it to the dataset, then deletes the staging
 * directory. A failed save quarantines the directory; nothing already saved is touched. Discards are
 * run here too, so the staged files are deleted only once the encoders let go of them.
 */
final class EpisodeSaver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EpisodeSaver.class);
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private final ExecutorService executor;
    private final EpisodeAssembler assembler;
    private final DatasetSink sink;
    private final NanoClock clock;
    private final Path quarantineRoot;
    private final long timeoutNanos;
    private volatile RecorderListener listener = RecorderListener.NONE;

    EpisodeSaver(ThreadFactory threads, EpisodeAssembler assembler, DatasetSink sink, NanoClock clock,
            Path quarantineRoot, long timeoutNanos) {
        this.executor = Executors.newSingleThreadExecutor(threads);
        this.assembler = assembler;
        this.sink = sink;
        this.clock = clock;
        this.quarantineRoot = quarantineRoot;
        this.timeoutNanos = timeoutNanos;
    }

    void listener(RecorderListener l) {
        listener = l;
    }

    /** Saves a stopped episode in the background; completes {@code ep.saved}. Writer thread. */
    void save(ActiveEpisode ep, long stopNanos) {
        executor.execute(() -> doSave(ep, stopNanos));
    }

    /** Deletes a discarded episode once its encoders let go. */
    void discard(ActiveEpisode ep, CompletableFuture<Void> done) {
        executor.execute(() -> {
            awaitCameras(ep.cameras, new ArrayList<>(), new HashMap<>(), -1);
            try {
                StagedTree.delete(ep.dir);
                done.complete(null);
            } catch (IOException e) {
                done.completeExceptionally(e);
            }
        });
    }

    private boolean awaitCameras(List<CameraEpisode> cams, List<String> notes,
            Map<String, FeatureStats> stats, int rows) {
        boolean failed = false;
        for (CameraEpisode ce : cams) {
            try {
                var r = ce.done().get(timeoutNanos, TimeUnit.NANOSECONDS);
                if (r.imageStats() != null && r.rows() == rows) {
                    stats.put(r.key(), r.imageStats());
                }
            } catch (ExecutionException e) {
                failed = true;
                notes.add("a camera encoder failed: " + e.getCause().getMessage());
            } catch (TimeoutException e) {
                failed = true;
                notes.add("a camera encoder did not finish in time");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = true;
            }
        }
        return failed;
    }

    private void doSave(ActiveEpisode ep, long stopNanos) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        List<String> notes = new ArrayList<>(ep.notes);
        var stats = new HashMap<String, FeatureStats>();
        boolean camFailed = awaitCameras(ep.cameras, notes, stats, ep.rows);
        long camerasDone = clock.nanoTime();
        try {
            EpisodeAssembler.Assembled a = assembler.assemble(ep.dir, camFailed || ep.logBroken,
                    camFailed ? Map.of() : stats);
            notes.addAll(a.notes());
            long assembled = clock.nanoTime();
            int index = sink.appendEpisode(a.data());
            if (index == DatasetSink.DECLINED) {
                LOG.info("episode declined by the dataset (discarded after stop): nothing written");
            } else {
                LOG.info("episode {} saved: encoders closed {} ms after stop, assembled in {} ms, appended in {} ms"
                        + " (saver thread CPU {} ms)", index, (camerasDone - stopNanos) / 1_000_000,
                        (assembled - camerasDone) / 1_000_000, (clock.nanoTime() - assembled) / 1_000_000,
                        (THREADS.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
            }
            double latency = (clock.nanoTime() - stopNanos) / 1e9;
            StagedTree.delete(ep.dir);
            EpisodeSummary s = new EpisodeSummary(index, a.data().length(), a.data().fps(), a.data().streams(),
                    List.copyOf(notes), latency);
            ep.saved.complete(s);
            listener.onSaved(s);
        } catch (IOException | RuntimeException e) {
            String reason = "episode could not be saved: " + e.getMessage();
            try {
                Path q = StagedTree.quarantine(ep.dir, quarantineRoot, reason);
                reason += " (staged files moved to " + q + ")";
            } catch (IOException qe) {
                reason += " (staged files left in " + ep.dir + ": " + qe.getMessage() + ")";
            }
            LOG.warn(reason);
            ep.saved.completeExceptionally(new IOException(reason, e));
            listener.onSaveFailed(reason);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(timeoutNanos * 2, TimeUnit.NANOSECONDS)) {
                LOG.warn("saver did not finish in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
