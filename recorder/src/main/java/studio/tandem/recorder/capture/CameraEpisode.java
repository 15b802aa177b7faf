package studio.tandem.recorder.capture;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import studio.tandem.recorder.align.SkewStats;
import studio.tandem.recorder.stage.StagingLog;
import studio.tandem.recorder.video.VideoSink;

/**
 * One camera's share of one episode: its row schedule, set by the recorder ({@link #release},
 * {@link #stop}, {@link #discard}; any thread), and its counters, owned by the camera's encoder
 * thread. The encoder completes {@link #done()} when the staged video is closed.
 */
public final class CameraEpisode {
    final long t0;
    final Path video;
    final Path frameLog;
    final long dropsAtStart;
    final CompletableFuture<CameraResult> done = new CompletableFuture<>();

    /** Highest row index the encoder may encode (rows whose instant has passed); recorder writes. */
    volatile long released = -1;
    /** Number of rows of the episode once stopped, else -1; recorder writes. */
    volatile int finalRows = -1;
    volatile boolean discarded;

    // encoder-thread state
    VideoSink sink;
    StagingLog log;
    int next;
    long frames;
    long missing;
    long repeated;
    long lastSequence = -1;
    long lastSyncNanos;
    final SkewStats skew = new SkewStats();

    /**
     * @param t0           instant of row 0 (ns, process clock)
     * @param video        staged video file to write
     * @param frameLog     staging log of (row, capture time)
     * @param dropsAtStart the camera's drop count when the episode started
     */
    public CameraEpisode(long t0, Path video, Path frameLog, long dropsAtStart) {
        this.t0 = t0;
        this.video = video;
        this.frameLog = frameLog;
        this.dropsAtStart = dropsAtStart;
    }

    /** Allows rows up to {@code row} (their instants have passed). Recorder's writer thread. */
    public void release(long row) {
        if (row > released) {
            released = row;
        }
    }

    /** Ends the episode after {@code rows} rows. Any thread, once. */
    public void stop(int rows) {
        finalRows = rows;
    }

    /** Abandons the episode: the encoder stops at once and closes the staged file. Any thread. */
    public void discard() {
        discarded = true;
    }

    /** Completed by the encoder thread once the staged video is closed. */
    public CompletableFuture<CameraResult> done() {
        return done;
    }

    /** Rows the encoder may encode now. */
    long limit() {
        int f = finalRows;
        return f >= 0 ? f : released + 1;
    }

    boolean complete() {
        int f = finalRows;
        return f >= 0 && next >= f;
    }
}
