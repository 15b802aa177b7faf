package studio.tandem.app.studio.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.lerobot.LeRobotDataset;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.dataset.video.VideoSettings;
import studio.tandem.recorder.capture.VectorInput;
import studio.tandem.recorder.episode.EpisodeInfo;
import studio.tandem.recorder.episode.Recorder;
import studio.tandem.recorder.episode.RecorderConfig;
import studio.tandem.recorder.episode.StagingRecovery;
import studio.tandem.recorder.lerobot.LeRobotDatasetSink;
import studio.tandem.recorder.video.SegmentedVideo;

/**
 * A held episode survives a crash: while it waits for the operator's decision its staged files stay
 * in the dataset's staging folder, and the next session's recorder recovers it (through a fresh hold,
 * which hands recovered episodes on at once).
 */
class EpisodeHoldRecoveryTest {
    @TempDir
    Path tmp;

    @Test
    void anEpisodeHeldWhenTheStudioDiesIsRecoveredAtTheNextStart() throws Exception {
        Path root = tmp.resolve("ds");
        Rec one = recorder(root);
        EpisodeHold first = one.hold();
        Recorder crashed = one.recorder();
        crashed.open();
        crashed.start(new EpisodeInfo("pick up the red cube", "op", ""));
        VectorInput state = crashed.vectors().get(0);
        double[] v = new double[2];
        long end = System.nanoTime() + 400_000_000L;
        while (System.nanoTime() < end) {
            v[0] += 0.001;
            state.offer(System.nanoTime(), v);
            LockSupport.parkNanos(5_000_000L);
        }
        first.expect();
        crashed.stop();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (first.waiting() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(first.waiting()).as("held, waiting for a decision").isEqualTo(1);
        assertThat(LeRobotDataset.open(root).episodes()).as("nothing written yet").isEmpty();
        // The studio dies here: the first recorder is never closed and the decision never comes.

        Recorder next = recorder(root).recorder();
        List<StagingRecovery.Result> recovered = next.open();
        try {
            assertThat(recovered).hasSize(1).allMatch(StagingRecovery.Result::recovered);
            var eps = LeRobotDataset.open(root).episodes();
            assertThat(eps).hasSize(1);
            assertThat(eps.get(0).length()).isGreaterThan(5);
            assertThat(eps.get(0).extras().success()).as("unlabelled").isNull();
        } finally {
            next.close();
        }
    }

    private record Rec(Recorder recorder, EpisodeHold hold) {
    }

    /** A vector-only recorder whose sink is a hold in front of the LeRobot dataset at {@code root}. */
    private static Rec recorder(Path root) throws Exception {
        Files.createDirectories(root);
        Recorder r = new Recorder(root, RecorderConfig.defaults(30), NanoClock.SYSTEM,
                new SegmentedVideo(VideoSettings.live(), 30), null);
        r.addVector(VectorFeature.float32("observation.state", List.of("a", "b")));
        LeRobotDatasetSink sink = LeRobotDatasetSink.openOrCreate(root, 30, LeRobotDatasetSink.features(
                r.vectors().stream().map(VectorInput::feature).toList(), List.of()), "test");
        EpisodeHold hold = new EpisodeHold(sink);
        return new Rec(r.withSink(hold), hold);
    }
}
