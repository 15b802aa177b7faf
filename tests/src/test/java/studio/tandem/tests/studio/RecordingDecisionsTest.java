package studio.tandem.tests.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.tandem.tests.studio.CollectWorkspaceTest.await;
import static studio.tandem.tests.studio.StudioFixtures.fx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import studio.tandem.app.studio.StudioContext;
import studio.tandem.app.studio.StudioWindow;
import studio.tandem.app.studio.Workspace;
import studio.tandem.app.studio.collect.EpisodeControl;
import studio.tandem.app.studio.collect.RecordingPhase;
import studio.tandem.app.studio.session.SessionSettings;
import studio.tandem.app.studio.session.StationSession;
import studio.tandem.dataset.lerobot.DatasetValidator;
import studio.tandem.dataset.lerobot.EpisodeRecord;
import studio.tandem.dataset.lerobot.FfmpegVideoFiles;
import studio.tandem.dataset.lerobot.LeRobotDataset;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.recorder.episode.StagedTree;

/**
 * The recording bar's stop-then-decide flow on the simulated station, with the keys a foot pedal
 * sends: record (F5) → stop (F11: the episode is held, nothing written, timer frozen) → success (F9),
 * failure (F10), discard (F7), re-record (F8); save (F6) and discard straight from recording; opening
 * Review saves a held episode unlabelled; closing the studio with an undecided episode saves it
 * unlabelled. The dataset on disk is checked after every decision.
 */
@ExtendWith(ApplicationExtension.class)
class RecordingDecisionsTest {
    @TempDir
    Path tmp;
    private StudioContext ctx;
    private StudioWindow window;
    private boolean closed;

    @Start
    void start(Stage stage) {
        ctx = new StudioContext(NanoClock.SYSTEM, tmp.resolve("data"), tmp.resolve("none.yaml"));
        ctx.useSession(new SessionSettings(tmp.resolve("data/decide"), 30, 160, 120, true, 100, 4));
        window = StudioFixtures.show(stage, ctx);
    }

    @AfterEach
    void close() {
        if (!closed) {
            fx(window::close);
        }
        ctx.close();
    }

    @Test
    void everyDecisionEndsUpInTheDataset(FxRobot robot) throws Exception {
        StationSession s = startStation();
        EpisodeControl ep = window.collect().episodes();

        recordThenStop(robot, s);
        assertThat(text("#recordingState")).isEqualTo("⏸ awaiting decision");
        assertThat(text("#recIndicator")).startsWith("⏸ AWAITING DECISION");
        assertThat(visible("#decisionPrompt")).isTrue();
        String frozen = text("#episodeTimer");
        Thread.sleep(400);
        assertThat(text("#episodeTimer")).as("timer frozen while awaiting").isEqualTo(frozen).isNotEqualTo("00:00.0");
        assertThat(episodes()).as("held, not written").isEmpty();
        robot.type(KeyCode.F9);
        await("saved as success", 60, () -> ep.savedProperty().get() == 1);
        assertThat(episodes()).extracting(e -> e.extras().success()).containsExactly(true);
        assertThat(window.collect().lastEpisodeProperty().get()).startsWith("episode 0: ");
        System.out.println("held episode saved: " + window.collect().lastEpisodeProperty().get());

        recordThenStop(robot, s);
        robot.type(KeyCode.F10);
        await("saved as failure", 60, () -> ep.savedProperty().get() == 2);
        assertThat(episodes()).extracting(e -> e.extras().success()).containsExactly(true, false);

        recordThenStop(robot, s);
        robot.type(KeyCode.F7);
        await("held episode discarded", 60, () -> ep.discardedProperty().get() == 1);
        assertThat(episodes()).hasSize(2);

        recordThenStop(robot, s);
        robot.type(KeyCode.F8);
        await("re-recording", 20, () -> ep.recordingProperty().get());
        Thread.sleep(800);
        robot.type(KeyCode.F6);
        await("saved unlabelled from recording", 60, () -> ep.savedProperty().get() == 3);
        assertThat(ep.discardedProperty().get()).isEqualTo(2);
        assertThat(episodes()).extracting(e -> e.extras().success()).containsExactly(true, false, null);
        assertThat(text("#episodeCounter")).isEqualTo("3 saved · 2 discarded");
        System.out.println("saved straight from recording: " + window.collect().lastEpisodeProperty().get());

        robot.type(KeyCode.F5);
        await("recording", 20, () -> ep.recordingProperty().get());
        Thread.sleep(500);
        robot.type(KeyCode.F7);
        await("discarded while recording", 20, () -> ep.discardedProperty().get() == 3);

        recordThenStop(robot, s);
        fx(() -> window.shell().workspaceProperty().set(Workspace.REVIEW));
        await("held episode saved on leaving for Review", 60, () -> ep.savedProperty().get() == 4);
        assertThat(episodes()).extracting(e -> e.extras().success()).containsExactly(true, false, null, null);
        assertThat(DatasetValidator.validate(ctx.session().dataset(), new FfmpegVideoFiles())).isEmpty();
        assertThat(stagedEpisodes()).as("nothing left in staging").isEmpty();
    }

    @Test
    void closingWithAnUndecidedEpisodeSavesItUnlabelled(FxRobot robot) throws Exception {
        StationSession s = startStation();
        recordThenStop(robot, s);
        assertThat(text("#decisionPrompt")).contains("Closing the studio or opening Review saves it unlabelled");
        await("the episode reached the hold", 30, () -> s.hold().waiting() == 1);
        fx(window::close);
        closed = true;
        List<EpisodeRecord> eps = episodes();
        assertThat(eps).hasSize(1);
        assertThat(eps.get(0).extras().success()).isNull();
        assertThat(eps.get(0).length()).isGreaterThan(10);
        assertThat(stagedEpisodes()).isEmpty();
    }

    private StationSession startStation() {
        fx(() -> window.shell().workspaceProperty().set(Workspace.COLLECT));
        await("station started", 90, () -> window.sessions().session() != null);
        StationSession s = window.sessions().session();
        await("loop ticking", 20, () -> s.loop().ticks().latest() != null);
        return s;
    }

    private void recordThenStop(FxRobot robot, StationSession s) throws InterruptedException {
        EpisodeControl ep = window.collect().episodes();
        await("idle", 30, () -> ep.phaseProperty().get() == RecordingPhase.IDLE && !ep.busyProperty().get());
        robot.type(KeyCode.F5);
        await("recording", 20, () -> ep.recordingProperty().get());
        Thread.sleep(800);
        robot.type(KeyCode.F11);
        await("awaiting decision", 10, () -> ep.awaitingProperty().get());
    }

    private List<EpisodeRecord> episodes() throws IOException {
        Path root = ctx.session().dataset();
        if (!Files.exists(root.resolve("meta/info.json"))) {
            return List.of();
        }
        return LeRobotDataset.open(root).episodes();
    }

    private List<Path> stagedEpisodes() throws IOException {
        Path staging = StagedTree.staging(ctx.session().dataset());
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(staging)) {
            return s.filter(p -> p.getFileName().toString().startsWith("ep-")).toList();
        }
    }

    private String text(String id) {
        String[] out = new String[1];
        fx(() -> out[0] = ((Labeled) window.scene().lookup(id)).getText());
        return out[0];
    }

    private boolean visible(String id) {
        boolean[] out = new boolean[1];
        fx(() -> out[0] = window.scene().lookup(id).isVisible());
        return out[0];
    }
}
