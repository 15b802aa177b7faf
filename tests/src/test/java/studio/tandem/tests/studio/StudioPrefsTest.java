package studio.tandem.tests.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.tandem.tests.studio.CollectWorkspaceTest.await;
import static studio.tandem.tests.studio.StudioFixtures.fx;
import static studio.tandem.tests.studio.StudioFixtures.waitUntil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.CheckBox;
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
import studio.tandem.app.studio.Workspace;
import studio.tandem.app.studio.session.SessionSettings;
import studio.tandem.dataset.time.NanoClock;

/**
 * The studio remembers between launches: what the operator set up in one window (dataset in Review,
 * task, policy, failure-pause switch, workspace) is there in the next; a broken preferences file
 * costs nothing but a line in the status bar.
 */
@ExtendWith(ApplicationExtension.class)
class StudioPrefsTest {
    @TempDir
    Path tmp;
    private Stage stage;
    private StudioContext ctx;
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (window != null) {
            StudioFixtures.close(window, ctx);
        }
    }

    private Path prefs() {
        return tmp.resolve("home/.tandem/studio.json");
    }

    private void launch() {
        ctx = new StudioContext(NanoClock.SYSTEM, tmp.resolve("data"), tmp.resolve("none.yaml"), prefs());
        ctx.useSession(new SessionSettings(tmp.resolve("data/prefs"), 30, 160, 120, true, 100, 2));
        fx(() -> window = StudioFixtures.show(stage, ctx));
    }

    private void closeWindow() {
        StudioFixtures.close(window, ctx);
        window = null;
    }

    @Test
    void whatTheOperatorSetUpIsThereAtTheNextLaunch(FxRobot robot) throws Exception {
        Path policy = Path.of("../models/hand_policy.json").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(policy), "shipped hand policy absent: " + policy);
        Path dataset = StudioFixtures.sample(tmp);
        launch();
        assertThat(window.shell().workspaceProperty().get()).as("first launch: Review").isEqualTo(Workspace.REVIEW);
        robot.clickOn("#datasetPath").write(dataset.toString()).type(KeyCode.ENTER);
        waitUntil("4 episodes listed", () -> window.review().rows().size() == 4);
        fx(() -> window.collect().taskProperty().set("stack the green cube on the blue one"));
        fx(() -> window.shell().workspaceProperty().set(Workspace.CORRECT));
        await("station started", 90, () -> window.sessions().session() != null);
        fx(() -> window.correct().policyPathProperty().set(policy.toString()));
        fx(() -> ((javafx.scene.control.ButtonBase) window.scene().lookup("#policyLoad")).fire());
        await("policy loaded", 60, () -> window.correct().loadedProperty().get());
        CheckBox pause = robot.lookup("#pauseOnFailure").queryAs(CheckBox.class);
        assertThat(pause.isSelected()).as("pausing on failure is on by default").isTrue();
        robot.clickOn(pause);
        assertThat(window.correct().authority().pauseOnFailureProperty().get()).isFalse();
        closeWindow();

        JsonNode saved = new ObjectMapper().readTree(prefs().toFile());
        assertThat(saved.path("workspace").asText()).isEqualTo("CORRECT");
        assertThat(saved.path("task").asText()).isEqualTo("stack the green cube on the blue one");
        assertThat(saved.path("policy").asText()).isEqualTo(policy.toString());
        assertThat(saved.path("pauseOnFailure").asBoolean(true)).isFalse();
        assertThat(Path.of(saved.path("dataset").asText())).isEqualTo(dataset.toAbsolutePath().normalize());
        assertThat(Files.list(prefs().getParent())).as("no temp file left beside it").hasSize(1);

        launch();
        assertThat(window.shell().workspaceProperty().get()).isEqualTo(Workspace.CORRECT);
        assertThat(window.collect().taskProperty().get()).isEqualTo("stack the green cube on the blue one");
        assertThat(window.correct().policyPathProperty().get()).isEqualTo(policy.toString());
        CheckBox again = robot.lookup("#pauseOnFailure").queryAs(CheckBox.class);
        assertThat(again.isSelected()).as("the switch as the operator left it").isFalse();
        waitUntil("Review reopened the dataset", () -> window.review().rows().size() == 4);
    }

    @Test
    void aBrokenPreferencesFileIsSetAsideAndSaidInOneLine() throws Exception {
        Files.createDirectories(prefs().getParent());
        Files.writeString(prefs(), "{\"task\": \"half a file");
        launch();
        String status = window.shell().statusProperty().get();
        assertThat(status).contains(prefs().toString()).contains("studio.json.bad").doesNotContain("\n");
        assertThat(window.collect().taskProperty().get()).isEqualTo("pick up the red cube");
        assertThat(Files.readString(prefs().resolveSibling("studio.json.bad"))).isEqualTo("{\"task\": \"half a file");
        fx(() -> window.collect().taskProperty().set("wipe the table"));
        closeWindow();
        assertThat(new ObjectMapper().readTree(prefs().toFile()).path("task").asText()).isEqualTo("wipe the table");
    }
}
