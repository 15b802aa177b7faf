package studio.tandem.recorder.episode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.time.ManualClock;
import studio.tandem.recorder.capture.CameraInput;
import studio.tandem.recorder.capture.VectorInput;
import studio.tandem.recorder.ring.FrameSlot;

/**
 * A test station on a manual clock: a 200 Hz "state" vector whose value is its capture time in ms,
 * and a 30 fps camera (phase-shifted) whose frames carry their capture time in their first 8 bytes.
 * The test thread plays every producer, pacing itself so the recorder threads keep up.
 */
final class Rig {
    static final long MS = 1_000_000L;
    final ManualClock clock = new ManualClock(1_000 * MS);
    final MemorySink sink = new MemorySink();
    final Recorder recorder;
    final VectorInput state;
    final CameraInput camera;
    final List<Long> frameTimes = new ArrayList<>();
    private final double[] v = new double[2];
    private long nextSample;
    private long nextFrame;
    boolean cameraStalled;

    Rig(Path root, RecorderConfig config) {
        recorder = new Recorder(root, config, clock, new FakeVideo(), sink);
        state = recorder.addVector(VectorFeature.float32("observation.state", List.of("a", "b")));
        camera = recorder.addCamera(VisualFeature.video("observation.images.front", 64, 80));
        nextSample = clock.nanoTime();
        nextFrame = clock.nanoTime() + 7 * MS;
    }

    static RecorderConfig config() {
        return RecorderConfig.defaults(30);
    }

    /** Advances the clock by {@code ms} in 1 ms steps, producing samples and frames on time. */
    void run(long ms) throws InterruptedException {
        for (long i = 0; i < ms; i++) {
            clock.advanceNanos(MS);
            long now = clock.nanoTime();
            while (nextSample <= now) {
                v[0] = nextSample / (double) MS;
                v[1] = -v[0];
                state.offer(nextSample, v);
                nextSample += 5 * MS;
            }
            while (nextFrame <= now) {
                if (!cameraStalled) {
                    FrameSlot s = camera.claim();
                    if (s != null) {
                        s.pixels().putLong(0, nextFrame);
                        camera.publish(nextFrame);
                        frameTimes.add(nextFrame);
                    }
                }
                nextFrame += 100 * MS / 3;
            }
            if (i % 4 == 3) {
                TimeUnit.MILLISECONDS.sleep(1);
            }
        }
    }

    /** The published frame capture time nearest {@code t} (ties to the earlier). */
    long nearestFrame(long t) {
        long best = -1;
        for (long f : frameTimes) {
            if (best < 0 || Math.abs(f - t) < Math.abs(best - t)) {
                best = f;
            }
        }
        return best;
    }

    EpisodeSummary stopAndSave() throws Exception {
        var f = recorder.stop();
        // keep the camera running after stop, as a real one does, until the save is done
        while (!f.isDone()) {
            run(5);
        }
        return f.get();
    }

    void close() throws IOException {
        recorder.close();
    }
}
