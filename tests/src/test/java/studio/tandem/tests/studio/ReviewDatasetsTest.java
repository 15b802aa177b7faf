package studio.tandem.tests.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.tandem.tests.studio.StudioFixtures.fx;
import static studio.tandem.tests.studio.StudioFixtures.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.ProgressBar;
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
import studio.tandem.app.studio.review.EpisodeRow;
import studio.tandem.dataset.time.NanoClock;

/** Review on LeRobot's own output, and the curated RLDS export with its progress bar. */
@ExtendWith(ApplicationExtension.class)
class ReviewDatasetsTest {
    @TempDir
    Path tmp;
    private StudioContext ctx;
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        ctx = new StudioContext(NanoClock.SYSTEM, Path.of(System.getProperty("java.io.tmpdir")), Path.of("none.yaml"));
        window = StudioFixtures.show(stage, ctx);
    }

    @AfterEach
    void close() {
        StudioFixtures.close(window, ctx);
    }

    @Test
    void opensLeRobotsOwnDatasetAndSaysWhichVideosAreMissing(FxRobot robot) {
        Path fixture = StudioFixtures.lerobotFixture();
        robot.clickOn("#datasetPath").write(fixture.toString()).type(KeyCode.ENTER);
        waitUntil("episodes listed", () -> window.review().rows().size() == 4
                && window.review().player().lengthProperty().get() > 0);
        List<EpisodeRow> rows = window.review().rows();
        assertThat(rows.stream().mapToInt(EpisodeRow::length).sum()).isEqualTo(1492);
        assertThat(rows).allMatch(r -> !r.task().isBlank());
        assertThat(window.review().statusProperty().get()).contains("2 not shown");
        waitUntil("cameras reported", () -> window.review().cameraProblems().size() == 2);
        assertThat(window.review().cameraProblems()).allMatch(p -> p.startsWith("missing video file"));
        assertThat(window.review().plots().features()).contains("observation.state", "action");
        assertThat(window.review().channelStats()).isNotEmpty();
        assertThat(window.review().summaryProperty().get()).contains("1492 frames");
    }

    @Test
    void exportsTheCuratedDatasetWithProgress(FxRobot robot) throws Exception {
        Path ds = StudioFixtures.sample(tmp);
        robot.clickOn("#datasetPath").write(ds.toString()).type(KeyCode.ENTER);
        waitUntil("opened", () -> window.review().rows().size() == 4 && window.review().player().lengthProperty().get() == 90
                || !window.review().errorProperty().get().isEmpty(), () -> window.review().statusProperty().get()
                + " rows " + window.review().rows().size() + " len " + window.review().player().lengthProperty().get()
                + " path " + robot.lookup("#datasetPath").queryTextInputControl().getText());
        assertThat(window.review().errorProperty().get()).isEmpty();
        robot.clickOn("#deleteButton");
        javafx.scene.control.TabPane tabs = robot.lookup("#reviewTabs").queryAs(javafx.scene.control.TabPane.class);
        fx(() -> tabs.getSelectionModel().select(2));
        Path out = tmp.resolve("rlds");
        robot.clickOn("#exportDir").write(out.toString());
        robot.clickOn("#exportName").write("sample_curated");
        robot.clickOn("#exportButton");
        waitUntil("export done", () -> robot.lookup("#exportMessage").queryLabeled().getText().matches("Export(ed| failed).*"));
        assertThat(robot.lookup("#exportProgress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(robot.lookup("#exportMessage").queryLabeled().getText()).startsWith("Exported 3 episodes, 270 steps");
        try (Stream<Path> s = Files.walk(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).contains("dataset_info.json", "features.json");
        }
    }
}
