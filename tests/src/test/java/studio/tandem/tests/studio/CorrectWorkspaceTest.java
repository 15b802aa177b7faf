package studio.tandem.tests.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.tandem.tests.studio.CollectWorkspaceTest.await;
import static studio.tandem.tests.studio.StudioFixtures.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import studio.tandem.app.studio.StudioContext;
import studio.tandem.app.studio.StudioWindow;
import studio.tandem.app.studio.session.SessionSettings;
import studio.tandem.app.studio.session.StationSession;
import studio.tandem.dataset.lerobot.DatasetValidator;
import studio.tandem.dataset.lerobot.EpisodeEvent;
import studio.tandem.dataset.lerobot.EpisodeRecord;
import studio.tandem.dataset.lerobot.FfmpegVideoFiles;
import studio.tandem.dataset.lerobot.LeRobotDataset;
import studio.tandem.dataset.time.NanoClock;

/**
 * Correct on the simulated station: a bad manifest is refused in one line, the shipped hand policy
 * loads and drives the hand, the operator takes over (T) and corrects the policy in words (Enter);
 * the saved episode holds the intervention and the correction as events and the corrected task from
 * that frame on. The shell's e-stop latches the loop's safety filter.
 */
@ExtendWith(ApplicationExtension.class)
class CorrectWorkspaceTest {
    @TempDir
    static Path tmp;
    private StudioContext ctx;
    private StudioWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ctx = new StudioContext(NanoClock.SYSTEM, tmp.resolve("data"), tmp.resolve("none.yaml"));
        ctx.useSession(new SessionSettings(tmp.resolve("data/correct"), 30, 160, 120, true, 100, 2));
        window = StudioFixtures.show(stage, ctx);
    }

    @AfterEach
    void close() {
        StudioFixtures.close(window, ctx);
    }

    @Test
    void runsAPolicyAndRecordsTheOperatorsInterventionAndCorrection(FxRobot robot) throws Exception {
        Path policy = Path.of("../models/hand_policy.json").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(policy), "shipped hand policy absent: " + policy);
        fx(() -> window.shell().workspaceProperty().set(studio.tandem.app.studio.Workspace.CORRECT));
        await("station started", 90, () -> window.sessions().session() != null);
        StationSession s = window.sessions().session();

        fx(() -> window.correct().policyPathProperty().set(tmp.resolve("nope.json").toString()));
        fire("#policyLoad");
        try {
            await("load error shown", 20, () -> text("#policyError").endsWith("nope.json: no such policy manifest"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; error '" + window.correct().errorProperty().get() + "', status '"
                    + window.correct().statusProperty().get() + "'", e);
        }

        fx(() -> window.correct().policyPathProperty().set(policy.toString()));
        fire("#policyLoad");
        await("policy loaded", 60, () -> window.correct().loadedProperty().get());
        assertThat(text("#policyError")).isEmpty();
        assertThat(window.correct().summary()).contains("drives the hand (12 joints, action.hand.joint_pos)");
        await("policy drives the hand", 30, () -> text("#handAuthority").equals("HAND: POLICY")
                && s.policy().worker().inferences() > 2);

        robot.type(KeyCode.F5);
        await("recording", 20, () -> window.collect().recordingProperty().get());
        Thread.sleep(700);
        robot.type(KeyCode.T);
        await("intervention shown", 10, () -> text("#correctIntervention").equals("OPERATOR INTERVENING")
                && text("#handAuthority").equals("HAND: OPERATOR"));
        Thread.sleep(500);
        robot.type(KeyCode.T);
        await("policy back in control", 10, () -> text("#correctIntervention").equals("POLICY IN CONTROL"));

        fx(() -> window.scene().lookup("#correctionField").requestFocus());
        robot.targetWindow(stage).write("use a pinch grasp");
        robot.type(KeyCode.ENTER);
        await("correction live", 10, () -> text("#currentInstruction").equals("Now: use a pinch grasp"));
        assertThat(window.correct().history()).hasSize(1).allMatch(h -> h.endsWith("  use a pinch grasp"));
        Thread.sleep(700);
        robot.type(KeyCode.F6);
        await("episode saved", 60, () -> window.collect().savedProperty().get() == 1);

        Path root = ctx.session().dataset();
        assertThat(DatasetValidator.validate(root, new FfmpegVideoFiles())).isEmpty();
        EpisodeRecord ep = LeRobotDataset.open(root).episodes().get(0);
        List<String> kinds = ep.extras().events().stream().map(EpisodeEvent::type).toList();
        assertThat(kinds).contains("intervention_start", "intervention_end", "language_correction");
        assertThat(ep.extras().events()).anyMatch(e -> e.type().equals("language_correction")
                && e.detail().equals("use a pinch grasp"));
        assertThat(ep.tasks()).contains("pick up the red cube", "use a pinch grasp");

        robot.type(KeyCode.ESCAPE);
        await("e-stop latched in the loop", 5, () -> s.loop().safety().eStopLatched());
        fire("#estopReset");
        await("e-stop released", 5, () -> !s.loop().safety().eStopLatched());
    }

    /** Fires a button on the FX thread (robot clicks can land on a tooltip left over by the long waits). */
    private void fire(String id) {
        fx(() -> ((javafx.scene.control.ButtonBase) window.scene().lookup(id)).fire());
    }

    private String text(String id) {
        String[] out = new String[1];
        fx(() -> out[0] = ((Labeled) window.scene().lookup(id)).getText());
        return out[0];
    }
}
