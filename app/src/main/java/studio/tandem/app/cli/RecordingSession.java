package studio.tandem.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.dataset.video.VideoSettings;
import studio.tandem.recorder.capture.CameraInput;
import studio.tandem.recorder.capture.VectorInput;
import studio.tandem.recorder.episode.EpisodeInfo;
import studio.tandem.recorder.episode.EpisodeSummary;
import studio.tandem.recorder.episode.Recorder;
import studio.tandem.recorder.episode.RecorderConfig;
import studio.tandem.recorder.episode.RecorderListener;
import studio.tandem.recorder.episode.StagingRecovery;
import studio.tandem.recorder.episode.StreamStats;
import studio.tandem.recorder.lerobot.LeRobotDatasetSink;
import studio.tandem.recorder.video.SegmentedVideo;

/**
 * A recorder wired to a station and a LeRobot dataset, for the headless commands: opens (recovering
 * what a crash left), records timed episodes with a progress line per second, prints a summary per
 * episode. Command thread.
 */
final class RecordingSession implements AutoCloseable {
    private final Recorder recorder;
    private final RecordStation station;
    private final PrintWriter out;
    private final PrintWriter err;
    private volatile String autoStop;

    RecordingSession(Path dir, int fps, RecordStation station, VideoSettings video, PrintWriter out,
            PrintWriter err) throws IOException {
        this(dir, fps, station, video, fps, out, err);
    }

    /** @param segmentFrames frames per staged video segment (what a crash can lose at most) */
    RecordingSession(Path dir, int fps, RecordStation station, VideoSettings video, int segmentFrames,
            PrintWriter out, PrintWriter err) throws IOException {
        this.station = station;
        this.out = out;
        this.err = err;
        recorder = new Recorder(dir, RecorderConfig.defaults(fps), NanoClock.SYSTEM, new SegmentedVideo(video, segmentFrames),
                null);
        station.declare(recorder);
        recorder.withSink(LeRobotDatasetSink.openOrCreate(dir, fps,
                LeRobotDatasetSink.features(recorder.vectors().stream().map(VectorInput::feature).toList(),
                        recorder.cameras().stream().map(CameraInput::feature).toList()), station.robotType()));
        recorder.withListener(new RecorderListener() {
            @Override
            public void onAutoStop(String reason) {
                autoStop = reason;
            }
        });
    }

    Recorder recorder() {
        return recorder;
    }

    /** Opens the recorder (printing what was recovered) and starts the station. */
    void open() throws IOException {
        List<StagingRecovery.Result> rec = recorder.open();
        for (StagingRecovery.Result r : rec) {
            out.println("recovered staged episode: " + r.message());
        }
        station.start();
    }

    /** Records one episode of {@code seconds}; null if recording was stopped by the disk guard before. */
    EpisodeSummary episode(int number, int of, double seconds, String task, String operator)
            throws IOException, InterruptedException {
        recorder.start(new EpisodeInfo(task, operator, null));
        long start = System.nanoTime();
        long[] base = station.framesPublished();
        long next = 1;
        while ((System.nanoTime() - start) / 1e9 < seconds && recorder.isRecording()) {
            TimeUnit.MILLISECONDS.sleep(20);
            double el = (System.nanoTime() - start) / 1e9;
            if (el >= next) {
                next++;
                err.printf(Locale.ROOT, "episode %d/%d  %5.1f/%.1f s  frames %s%n", number, of, el, seconds,
                        frames(base, station.framesPublished()));
                err.flush();
            }
        }
        if (autoStop != null) {
            err.println("recording stopped: " + autoStop);
        }
        return await(recorder.stop());
    }

    private static String frames(long[] base, long[] now) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < now.length; i++) {
            b.append(i == 0 ? "" : " ").append("cam").append(i).append('=').append(now[i] - base[i]);
        }
        return b.toString();
    }

    private static EpisodeSummary await(java.util.concurrent.CompletableFuture<EpisodeSummary> f) throws IOException {
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("saving the episode did not finish within 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while saving", e);
        }
    }

    boolean stoppedByGuard() {
        return autoStop != null;
    }

    /** One line per episode: frames, drops, skew per stream, save latency. */
    static String summary(EpisodeSummary s) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "episode %d saved: %d frames (%.2f s), readable %.3f s after stop", s.episodeIndex(), s.rows(),
                s.seconds(), s.saveLatencyS()));
        for (Map.Entry<String, StreamStats> e : s.streams().entrySet()) {
            StreamStats st = e.getValue();
            b.append(String.format(Locale.ROOT, "%n  %-26s samples %6d  dropped %d  missing %d  repeated %d  "
                    + "skew mean %+.2f ms max %.2f ms", e.getKey(), st.samples(), st.dropped(), st.missing(),
                    st.repeated(), st.skew().meanMs(), st.skew().maxAbsMs()));
        }
        for (String n : s.notes()) {
            b.append(System.lineSeparator()).append("  note: ").append(n);
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        try {
            recorder.close();
        } finally {
            station.close();
        }
    }
}
