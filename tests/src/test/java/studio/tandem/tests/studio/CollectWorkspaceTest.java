package studio.tandem.tests.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.tandem.tests.studio.StudioFixtures.fx;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.tandem.app.studio.StudioContext;
import studio.tandem.app.studio.StudioWindow;
import studio.tandem.app.studio.session.SessionSettings;
import studio.tandem.app.studio.session.StationSession;
import studio.tandem.autonomy.loop.Tick;
import studio.tandem.dataset.lerobot.DatasetValidator;
import studio.tandem.dataset.lerobot.EpisodeRecord;
import studio.tandem.dataset.lerobot.FfmpegVideoFiles;
import studio.tandem.dataset.lerobot.LeRobotDataset;
import studio.tandem.dataset.time.NanoClock;

/**
 * Collect on the simulated station: the keyboard drives the arm through the control loop, the
 * clutch indicator follows SPACE, an episode is recorded with the F-keys, labelled a success and
 * saved; the dataset on disk validates and holds the episode with its label and cameras.
 */
@ExtendWith(ApplicationExtension.class)
class CollectWorkspaceTest {
    @TempDir
    static Path tmp;
    private StudioContext ctx;
    private StudioWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ctx = new StudioContext(NanoClock.SYSTEM, tmp.resolve("data"), tmp.resolve("none.yaml"));
        ctx.useSession(new SessionSettings(tmp.resolve("data/collect"), 30, 160, 120, true, 100, 3));
        window = StudioFixtures.show(stage, ctx);
    }

    @AfterEach
    void close() {
        StudioFixtures.close(window, ctx);
    }

    @Test
    void recordsAnEpisodeOnTheSimulatedStation(FxRobot robot) throws Exception {
        fx(() -> window.shell().workspaceProperty().set(studio.tandem.app.studio.Workspace.COLLECT));
        await("station started", 90, () -> window.sessions().session() != null);
        StationSession s = window.sessions().session();
        await("loop ticking", 20, () -> s.loop().ticks().latest() != null);
        double[] before = s.loop().ticks().latest().jointState().clone();

        robot.press(KeyCode.R);
        Thread.sleep(1200);
        robot.release(KeyCode.R);
        Tick after = s.loop().ticks().latest();
        assertThat(maxDelta(before, after.jointState(), 6)).as("arm joints moved by the keyboard (R: up)")
                .isGreaterThan(0.01);
        assertThat(label("#clutchIndicator")).isEqualTo("ARM FOLLOWS");
        robot.type(KeyCode.SPACE);
        await("clutch released", 5, () -> label("#clutchIndicator").startsWith("CLUTCH OPEN"));
        robot.type(KeyCode.SPACE);

        fx(() -> window.collectView().node().lookup("#recordTask").requestFocus());
        robot.push(KeyCode.END).eraseText(40);
        robot.targetWindow(stage).write("lift the red cube");
        robot.type(KeyCode.ENTER);
        String[] typed = new String[2];
        fx(() -> {
            typed[0] = ((javafx.scene.control.TextField) window.collectView().node().lookup("#recordTask")).getText();
            typed[1] = String.valueOf(window.scene().getFocusOwner());
        });
        assertThat(typed[0]).as("task field, focus " + typed[1]).isEqualTo("lift the red cube");
        assertThat(window.collect().taskProperty().get()).isEqualTo("lift the red cube");
        robot.type(KeyCode.F5);
        await("recording", 20, () -> window.collect().recordingProperty().get());
        assertThat(label("#recIndicator")).startsWith("● REC");
        Thread.sleep(1500);
        robot.type(KeyCode.F9);
        robot.type(KeyCode.F6);
        await("episode saved", 60, () -> window.collect().savedProperty().get() == 1);

        Path root = ctx.session().dataset();
        List<String> problems = DatasetValidator.validate(root, new FfmpegVideoFiles());
        assertThat(problems).isEmpty();
        LeRobotDataset ds = LeRobotDataset.open(root);
        assertThat(ds.episodes()).hasSize(1);
        EpisodeRecord ep = ds.episodes().get(0);
        assertThat(ep.tasks()).containsExactly("lift the red cube");
        assertThat(ep.length()).as("1.5 s or more at 30 fps").isBetween(40L, 900L);
        assertThat(ep.extras().success()).isTrue();
        assertThat(ds.info().features().get("observation.state")).isPresent();
        assertThat(ds.info().features().get("action")).isPresent();
        assertThat(ds.info().robotType()).as("robot_type names the station").isEqualTo("tandem_sim_ur5e_sim_hand");
        if (s.cameraProblem().isEmpty()) {
            assertThat(ep.videos()).containsKeys("observation.images.scene", "observation.images.wrist");
            assertThat(window.collectView().cameras().surfaces()).allMatch(v -> v.framesShown() > 0);
        }
        assertThat(label("#episodeCounter")).isEqualTo("1 saved");
    }

    private static double maxDelta(double[] a, double[] b, int n) {
        double m = 0;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private String label(String id) {
        String[] out = new String[1];
        fx(() -> out[0] = ((javafx.scene.control.Labeled) window.scene().lookup(id)).getText());
        return out[0];
    }

    static void await(String what, int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (Exception e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
    }
}
