package studio.tandem.recorder.episode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.recorder.align.SamplingRule;
import studio.tandem.recorder.capture.CameraEncoder;
import studio.tandem.recorder.capture.CameraEpisode;
import studio.tandem.recorder.capture.CameraInput;
import studio.tandem.recorder.capture.VectorInput;
import studio.tandem.recorder.stage.StageFiles;
import studio.tandem.recorder.stage.StagingOutput;
import studio.tandem.recorder.video.StagedVideo;

/**
 * Records timestamped streams into dataset episodes. Declare the streams ({@link #addVector},
 * {@link #addCamera}), {@link #open()} (recovers staged episodes left by a crash, starts the writer,
 * encoder and saver threads), then per episode {@link #start}, and {@link #stop} (saved in the
 * background, readable shortly after), {@link #discard} or {@link #rerecord}.
 *
 * <p>Lifecycle methods are called from one control thread (the UI's view model or the CLI); producers
 * use their {@link VectorInput}/{@link CameraInput} from their own threads; {@link #event} from any
 * thread. Every sample carries its capture time from the injected clock.
 */
public final class Recorder implements AutoCloseable {
    private final Path stagingRoot;
    private final Path quarantineRoot;
    private final RecorderConfig config;
    private final NanoClock clock;
    private final StagedVideo video;
    private DatasetSink sink;
    private final List<VectorInput> vectors = new ArrayList<>();
    private final List<CameraInput> cameras = new ArrayList<>();
    private final List<CameraEncoder> encoders = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private StagingOutput.Factory outputs = StagingOutput.Factory.FILES;
    private DiskSpace disk;
    private ThreadFactory threadFactory = r -> new Thread(r);
    private volatile RecorderListener listener = RecorderListener.NONE;
    private Collector collector;
    private EpisodeSaver saver;
    private volatile CompletableFuture<EpisodeSummary> current;
    private volatile boolean recording;
    private EpisodeInfo lastInfo;
    private int staged;

    /**
     * @param datasetRoot the dataset's directory (staging and quarantine live inside it)
     * @param sink        the dataset the episodes go to (or null: set it with {@link #withSink} before
     *                    {@link #open()}, e.g. once the schema is derived from the declared streams)
     * @param video       live staging encoder and finisher
     */
    public Recorder(Path datasetRoot, RecorderConfig config, NanoClock clock, StagedVideo video, DatasetSink sink) {
        this.stagingRoot = StagedTree.staging(datasetRoot);
        this.quarantineRoot = StagedTree.quarantine(datasetRoot);
        this.config = config;
        this.clock = clock;
        this.video = video;
        this.sink = sink;
        this.disk = DiskSpace.of(datasetRoot);
    }

    /** Sets the dataset the episodes go to. Before {@link #open()}. */
    public Recorder withSink(DatasetSink s) {
        requireNotOpen();
        sink = s;
        return this;
    }

    /** Replaces how staging files are opened (tests simulate a full disk). Before {@link #open()}. */
    public Recorder withOutputs(StagingOutput.Factory f) {
        outputs = f;
        return this;
    }

    /** Replaces the free-space probe (tests simulate a filling disk). Before {@link #open()}. */
    public Recorder withDiskSpace(DiskSpace d) {
        disk = d;
        return this;
    }

    public Recorder withThreadFactory(ThreadFactory f) {
        threadFactory = f;
        return this;
    }

    public Recorder withListener(RecorderListener l) {
        listener = l == null ? RecorderListener.NONE : l;
        if (saver != null) {
            saver.listener(listener);
        }
        return this;
    }

    /** Declares a vector stream with its sampling rule and staleness limit. Before {@link #open()}. */
    public VectorInput addVector(VectorFeature feature, SamplingRule rule, long maxStalenessNanos) {
        requireNotOpen();
        VectorInput in = new VectorInput(feature, rule, maxStalenessNanos, config.vectorRingCapacity());
        vectors.add(in);
        return in;
    }

    /** A latest-before vector stream whose samples may be up to two rows old. */
    public VectorInput addVector(VectorFeature feature) {
        return addVector(feature, SamplingRule.LATEST_BEFORE, 2 * config.periodNanos());
    }

    /** Declares a camera (RGB24 frames of the feature's size). Before {@link #open()}. */
    public CameraInput addCamera(VisualFeature feature) {
        requireNotOpen();
        CameraInput in = new CameraInput(feature, config.frameSlots());
        cameras.add(in);
        return in;
    }

    /**
     * Recovers staged episodes a crash left behind, then starts the recorder's threads.
     *
     * @return what became of each staged episode (empty if none)
     */
    public List<StagingRecovery.Result> open() throws IOException {
        requireNotOpen();
        if (sink == null) {
            throw new IllegalStateException("no dataset sink: call withSink before open()");
        }
        Files.createDirectories(stagingRoot);
        video.warmUp(stagingRoot);
        sink.warmUp();
        Path warm = Files.createTempDirectory(stagingRoot, ".warmup");
        new EpisodeActivation(config, clock, outputs, vectors, cameras, encoders, null)
                .manifest(0, new EpisodeInfo("warm-up", null, null)).write(warm);
        StagedTree.delete(warm);
        EpisodeAssembler assembler = new EpisodeAssembler(video);
        List<StagingRecovery.Result> recovered =
                new StagingRecovery(stagingRoot, quarantineRoot, assembler, sink).recoverAll();
        collector = new Collector(List.copyOf(vectors), clock, config, disk);
        collector.onAutoStop(this::autoStop);
        saver = new EpisodeSaver(threadFactory, assembler, sink, clock, quarantineRoot, config.saveTimeoutNanos());
        saver.listener(listener);
        for (CameraInput cam : cameras) {
            CameraEncoder enc = new CameraEncoder(cam, config.fps(), clock, video, outputs,
                    config.cameraWaitNanos(), config.cameraStaleNanos(), config.syncIntervalNanos());
            encoders.add(enc);
            startThread(enc, "encoder-" + cam.feature().name());
        }
        startThread(collector, "recorder-writer");
        return recovered;
    }

    private void startThread(Runnable r, String name) {
        Thread t = threadFactory.newThread(r);
        t.setName(name);
        t.setDaemon(true);
        t.start();
        threads.add(t);
    }

    /** Starts an episode now. Control thread; returns once the episode is staged and recording. */
    public synchronized void start(EpisodeInfo info) throws IOException {
        requireOpen();
        if (recording) {
            throw new IllegalStateException("an episode is already being recorded");
        }
        Path dir = stagingRoot.resolve(String.format(Locale.ROOT, "ep-%013d-%04d", System.currentTimeMillis(),
                staged++));
        Files.createDirectories(dir);
        CompletableFuture<ActiveEpisode> started = new CompletableFuture<>();
        collector.execute(() -> new EpisodeActivation(config, clock, outputs, vectors, cameras, encoders, collector)
                .activate(dir, info, started));
        ActiveEpisode ep = await(started);
        current = ep.saved;
        lastInfo = info;
        recording = true;
    }

    /**
     * Stops the episode now and saves it in the background. Control thread. The next episode may be
     * started at once.
     *
     * @return completes with the saved episode's summary (or exceptionally, quarantined)
     */
    public synchronized CompletableFuture<EpisodeSummary> stop() {
        requireOpen();
        CompletableFuture<EpisodeSummary> f = current;
        if (f == null) {
            throw new IllegalStateException("no episode was started");
        }
        if (recording) {
            long stopNanos = clock.nanoTime();
            recording = false;
            collector.execute(() -> stopActive(stopNanos, null));
        }
        current = null;
        return f;
    }

    /** Writer thread: ends the active episode and hands it to the saver. */
    private void stopActive(long stopNanos, String reason) {
        ActiveEpisode ep = collector.active();
        if (ep == null) {
            return;
        }
        if (reason != null) {
            ep.notes.add(reason);
        }
        long period = config.periodNanos();
        int rows = (int) Math.max(Math.floorDiv(stopNanos - ep.t0, period) + 1, ep.releasedRow + 1);
        ep.rows = rows;
        collector.deactivate(stopNanos, rows);
        for (CameraEpisode ce : ep.cameras) {
            ce.stop(rows);
        }
        saver.save(ep, stopNanos);
    }

    /** Writer thread: the disk guard or a failed write ends recording. */
    private void autoStop(String reason) {
        ActiveEpisode ep = collector.active();
        if (ep == null || ep.stopping) {
            return;
        }
        ep.stopping = true;
        recording = false;
        long now = clock.nanoTime();
        listener.onAutoStop(reason);
        collector.execute(() -> stopActive(now, reason));
    }

    /** Abandons the episode being recorded: nothing of it is kept. Control thread; waits for the deletion. */
    public synchronized void discard() throws IOException {
        requireOpen();
        if (!recording) {
            throw new IllegalStateException("no episode is being recorded");
        }
        recording = false;
        current = null;
        CompletableFuture<Void> done = new CompletableFuture<>();
        collector.execute(() -> {
            ActiveEpisode ep = collector.active();
            if (ep == null) {
                done.complete(null);
                return;
            }
            collector.deactivate(clock.nanoTime(), 0);
            for (CameraEpisode ce : ep.cameras) {
                ce.discard();
            }
            saver.discard(ep, done);
        });
        await(done);
    }

    /** Discards the episode being recorded and starts it again with the same info. Control thread. */
    public synchronized void rerecord() throws IOException {
        EpisodeInfo info = lastInfo;
        discard();
        start(info);
    }

    /** Records an event with the episode being recorded (ignored between episodes). Any thread. */
    public boolean event(RecorderEvent e) {
        return collector.event(e);
    }

    /** A language correction now: the task changes from this row on. Any thread. */
    public boolean correct(String instruction) {
        return event(new RecorderEvent.LanguageCorrection(clock.nanoTime(), instruction));
    }

    /** Labels the episode being recorded as a success or failure. Control thread. */
    public void label(Outcome outcome) {
        event(new RecorderEvent.OutcomeLabel(clock.nanoTime(), outcome));
        meta(new MetaUpdate(null, null, outcome));
    }

    /** Replaces the whole episode's task text (e.g. fixed before stopping). Control thread. */
    public void setTask(String task) {
        if (task == null || task.isBlank()) {
            throw new IllegalArgumentException("episode task must not be empty");
        }
        meta(new MetaUpdate(task, null, null));
    }

    public void setNotes(String notes) {
        meta(new MetaUpdate(null, notes == null ? "" : notes, null));
    }

    private void meta(MetaUpdate u) {
        requireOpen();
        String json = u.toJson();
        collector.execute(() -> collector.writeText(StageFiles.META, json));
    }

    public boolean isRecording() {
        return recording;
    }

    /** Rows encoded by each camera's encoder since open, in camera order. Any thread. */
    public long[] encodedFrames() {
        long[] out = new long[encoders.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = encoders.get(i).encodedCount();
        }
        return out;
    }

    /** Events refused because the event queue was full, since open. Any thread. */
    public long eventsDropped() {
        return collector.eventsDropped();
    }

    public List<CameraInput> cameras() {
        return List.copyOf(cameras);
    }

    public List<VectorInput> vectors() {
        return List.copyOf(vectors);
    }

    public RecorderConfig config() {
        return config;
    }

    /** Stops (and saves) any episode being recorded, waits for pending saves, ends the threads. */
    @Override
    public synchronized void close() throws IOException {
        if (collector == null) {
            return;
        }
        if (recording) {
            stop();
        }
        collector.shutdown();
        for (CameraEncoder e : encoders) {
            e.shutdown();
        }
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.NANOSECONDS.toMillis(config.saveTimeoutNanos()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        saver.close();
        collector = null;
    }

    private static <T> T await(CompletableFuture<T> f) throws IOException {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            throw new IOException(c.getMessage(), c);
        } catch (TimeoutException e) {
            throw new IOException("the recorder's writer thread did not respond", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void requireOpen() {
        if (collector == null) {
            throw new IllegalStateException("recorder is not open");
        }
    }

    private void requireNotOpen() {
        if (collector != null) {
            throw new IllegalStateException("streams must be declared before open()");
        }
    }
}
