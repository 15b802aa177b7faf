package studio.tandem.recorder.episode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import studio.tandem.recorder.capture.CameraEpisode;
import studio.tandem.recorder.stage.StagingLog;

/** The writer thread's view of the episode being recorded. Owned by the writer thread. */
final class ActiveEpisode {
    final Path dir;
    final long t0;
    final StagingLog log;
    final List<CameraEpisode> cameras;
    final long[] overflowsAtStart;
    final CompletableFuture<EpisodeSummary> saved = new CompletableFuture<>();
    /** Why recording stopped if not by the operator; what went wrong while recording. */
    final List<String> notes = new ArrayList<>();
    long releasedRow = -1;
    long lastFlushNanos;
    /** Rows of the episode, once stopped. */
    int rows = -1;
    boolean logBroken;
    boolean stopping;

    ActiveEpisode(Path dir, long t0, StagingLog log, List<CameraEpisode> cameras, long[] overflowsAtStart) {
        this.dir = dir;
        this.t0 = t0;
        this.log = log;
        this.cameras = cameras;
        this.overflowsAtStart = overflowsAtStart;
    }
}
