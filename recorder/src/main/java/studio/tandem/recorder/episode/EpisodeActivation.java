package studio.tandem.recorder.episode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.recorder.capture.CameraEncoder;
import studio.tandem.recorder.capture.CameraEpisode;
import studio.tandem.recorder.capture.CameraInput;
import studio.tandem.recorder.capture.VectorInput;
import studio.tandem.recorder.stage.StageFiles;
import studio.tandem.recorder.stage.StageManifest;
import studio.tandem.recorder.stage.StagingLog;
import studio.tandem.recorder.stage.StagingOutput;

/**
 * Starts an episode on the writer thread: opens its staging log, fixes row 0's instant, hands each
 * camera encoder its share, makes it the collector's active episode, then writes the manifest.
 */
final class EpisodeActivation {
    private final RecorderConfig config;
    private final NanoClock clock;
    private final StagingOutput.Factory outputs;
    private final List<VectorInput> vectors;
    private final List<CameraInput> cameras;
    private final List<CameraEncoder> encoders;
    private final Collector collector;

    EpisodeActivation(RecorderConfig config, NanoClock clock, StagingOutput.Factory outputs,
            List<VectorInput> vectors, List<CameraInput> cameras, List<CameraEncoder> encoders, Collector collector) {
        this.config = config;
        this.clock = clock;
        this.outputs = outputs;
        this.vectors = vectors;
        this.cameras = cameras;
        this.encoders = encoders;
        this.collector = collector;
    }

    void activate(Path dir, EpisodeInfo info, CompletableFuture<ActiveEpisode> started) {
        try {
            StagingLog log = new StagingLog(outputs.open(StageFiles.vectorLog(dir)), 1 << 16,
                    config.syncIntervalNanos(), clock.nanoTime());
            long t0 = clock.nanoTime();
            List<CameraEpisode> ces = new ArrayList<>();
            for (int c = 0; c < cameras.size(); c++) {
                ces.add(new CameraEpisode(t0, StageFiles.stagedVideo(dir, c), StageFiles.cameraLog(dir, c),
                        cameras.get(c).dropCount()));
            }
            long[] overflows = new long[vectors.size()];
            for (int s = 0; s < overflows.length; s++) {
                overflows[s] = vectors.get(s).overflowCount();
            }
            ActiveEpisode ep = new ActiveEpisode(dir, t0, log, List.copyOf(ces), overflows);
            for (int c = 0; c < ces.size(); c++) {
                encoders.get(c).submit(ces.get(c));
            }
            collector.activate(ep);
            manifest(t0, info).write(dir);
            started.complete(ep);
        } catch (IOException | RuntimeException e) {
            started.completeExceptionally(e);
        }
    }

    StageManifest manifest(long t0, EpisodeInfo info) {
        List<StageManifest.VectorDecl> vd = new ArrayList<>();
        for (VectorInput v : vectors) {
            vd.add(new StageManifest.VectorDecl(v.feature().name(), v.feature().length(), v.rule().name(),
                    v.maxStalenessNanos()));
        }
        List<StageManifest.CameraDecl> cd = new ArrayList<>();
        for (CameraInput c : cameras) {
            cd.add(new StageManifest.CameraDecl(c.feature().name(), c.feature().width(), c.feature().height(),
                    config.cameraStaleNanos()));
        }
        return new StageManifest(1, t0, config.fps(), info.task(), info.operator(), info.notes(), vd, cd);
    }

}
