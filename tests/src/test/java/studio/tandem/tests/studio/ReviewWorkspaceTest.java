package studio.tandem.tests.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.tandem.tests.studio.StudioFixtures.fx;
import static studio.tandem.tests.studio.StudioFixtures.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import studio.tandem.app.studio.StudioApp;
import studio.tandem.app.studio.StudioContext;
import studio.tandem.app.studio.StudioWindow;
import studio.tandem.app.studio.Workspace;
import studio.tandem.app.studio.common.FrameSlot;
import studio.tandem.app.studio.common.PlotCanvas;
import studio.tandem.app.studio.common.Span;
import studio.tandem.app.studio.review.EpisodeRow;
import studio.tandem.app.studio.review.ReviewViewModel;
import studio.tandem.app.studio.review.curation.CurationJournal;
import studio.tandem.dataset.time.NanoClock;

/** Review's main flow on a real dataset: open, scrub with cameras in sync, relabel, trim, delete, undo. */
@ExtendWith(ApplicationExtension.class)
class ReviewWorkspaceTest {
    @TempDir
    static Path tmp;
    private static Path dataset;
    private StudioContext ctx;
    private StudioWindow window;

    @BeforeAll
    static void writeSample() throws Exception {
        dataset = StudioFixtures.sample(tmp);
    }

    @Start
    void start(Stage stage) {
        StudioApp.applyTheme();
        ctx = new StudioContext(NanoClock.SYSTEM, tmp.resolve("data"), tmp.resolve("none.yaml"));
        window = new StudioWindow(ctx, new RecordingStop());
        window.shell().workspaceProperty().set(Workspace.REVIEW);
        stage.setScene(window.scene());
        stage.show();
    }

    @AfterEach
    void close() {
        fx(window::close);
        ctx.close();
    }

    private ReviewViewModel vm() {
        return window.review();
    }

    private void openSample(FxRobot robot) {
        robot.clickOn("#datasetPath").write(dataset.toString()).type(KeyCode.ENTER);
        waitUntil("4 episodes listed and the first loaded",
                () -> vm().rows().size() == 4 && vm().player().lengthProperty().get() == 90);
    }

    @Test
    void opensScrubsWithCamerasInSyncAndPlots(FxRobot robot) {
        openSample(robot);
        TableView<?> table = robot.lookup("#episodeTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(4);
        assertThat(vm().summaryProperty().get()).contains("4 episodes").contains("2 cameras");
        robot.clickOn(robot.lookup("#episodeTable .table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        waitUntil("episode 1 selected", () -> vm().selectedProperty().get().index() == 1
                && vm().cameraSlots().size() == 2 && !vm().plots().spans().isEmpty());
        assertThat(vm().plots().spans()).anyMatch(s -> s.kind() == Span.Kind.INTERVENTION && s.from() == 30 && s.to() == 45);
        assertThat(vm().plots().spans()).anyMatch(s -> s.kind() == Span.Kind.CORRECTION && s.from() == 45);
        PlotCanvas state = robot.lookup("#plot0").queryAs(PlotCanvas.class);
        assertThat(state.series().title()).isEqualTo("observation.state");
        assertThat(state.series().names()).contains("shoulder_pan", "gripper");
        assertThat(robot.lookup("#plot2").queryAs(PlotCanvas.class).series().title()).isEqualTo("observation.tactile");

        Slider scrubber = robot.lookup("#scrubber").queryAs(Slider.class);
        fx(() -> scrubber.setValue(57));
        assertThat(vm().player().frameProperty().get()).isEqualTo(57);
        waitUntil("both cameras decoded frame 57", () -> vm().cameraSlots().stream().allMatch(s -> code(s) == 57));
        waitUntil("camera views drew", () -> window.reviewView().framesShown() >= 2);

        robot.clickOn("#stepForward");
        assertThat(vm().player().frameProperty().get()).isEqualTo(58);
        waitUntil("both cameras at frame 58", () -> vm().cameraSlots().stream().allMatch(s -> code(s) == 58));
        robot.type(KeyCode.LEFT).type(KeyCode.LEFT);
        waitUntil("both cameras at frame 56", () -> vm().cameraSlots().stream().allMatch(s -> code(s) == 56));

        robot.clickOn("#playButton");
        waitUntil("playback advanced", () -> vm().player().frameProperty().get() > 62);
        robot.clickOn("#playButton");
        assertThat(vm().player().playingProperty().get()).isFalse();
    }

    private static long code(FrameSlot s) {
        OptionalLong c = StudioFixtures.barcode(s);
        return c.isPresent() ? c.getAsLong() : -1;
    }

    @Test
    void relabelsTrimsDeletesAndUndoes(FxRobot robot) throws Exception {
        openSample(robot);
        assertThat(row(0).success()).isTrue();
        robot.clickOn("#successNo");
        waitUntil("relabelled", () -> Boolean.FALSE.equals(row(0).success()));
        waitUntil("journal saved", () -> Files.exists(dataset.resolve(CurationJournal.FILE)));

        fx(() -> vm().player().seek(10));
        robot.clickOn("#trimStart");
        fx(() -> vm().player().seek(79));
        robot.clickOn("#trimEnd");
        assertThat(row(0).keptLength()).isEqualTo(70);
        assertThat(vm().plots().spans()).anyMatch(s -> s.kind() == Span.Kind.TRIMMED && s.from() == 0 && s.to() == 10)
                .anyMatch(s -> s.kind() == Span.Kind.TRIMMED && s.from() == 80 && s.to() == 90);

        robot.clickOn("#taskField").eraseText(40).write("pick up the blue cube").type(KeyCode.ENTER);
        assertThat(row(0).task()).isEqualTo("pick up the blue cube");

        robot.clickOn("#deleteButton");
        assertThat(row(0).deleted()).isTrue();
        assertThat(vm().summaryProperty().get()).contains("4 episodes (3 kept)");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(row(0).deleted()).isFalse();
        assertThat(row(0).task()).isEqualTo("pick up the blue cube");
        robot.clickOn("#undoButton");
        assertThat(row(0).task()).isEqualTo("pick up the red cube");
        robot.clickOn("#redoButton");
        robot.clickOn("#deleteButton");

        waitUntil("journal holds the deletion", () -> journalText().contains("\"deleted\" : true"));
        CurationJournal reloaded = CurationJournal.load(dataset);
        assertThat(reloaded.get(0).deleted()).isTrue();
        assertThat(reloaded.get(0).success()).isFalse();
        assertThat(reloaded.get(0).trimFrom()).isEqualTo(10);
        assertThat(reloaded.get(0).trimTo()).isEqualTo(80);

        robot.clickOn("#episodeFilter").write("deleted");
        assertThat(vm().filteredRows()).extracting(EpisodeRow::index).containsExactly(0L);
        robot.clickOn("#restoreButton");
        assertThat(row(0).deleted()).isFalse();
        assertThat(vm().filteredRows()).isEmpty();
    }

    private String journalText() {
        try {
            return Files.readString(dataset.resolve(CurationJournal.FILE));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private EpisodeRow row(long index) {
        AtomicReference<EpisodeRow> r = new AtomicReference<>();
        fx(() -> r.set(vm().rows().stream().filter(x -> x.index() == index).findFirst().orElseThrow()));
        return r.get();
    }

    @Test
    void badDirectoryIsOneLineError(FxRobot robot) {
        robot.clickOn("#datasetPath").write(tmp.resolve("nope").toString()).type(KeyCode.ENTER);
        waitUntil("error shown", () -> !vm().errorProperty().get().isEmpty());
        assertThat(vm().errorProperty().get()).contains("nope").doesNotContain("\n").doesNotContain("Exception");
        assertThat(vm().rows()).isEmpty();
    }

    @Test
    void escapeEngagesTheEstopFromAnyWorkspace(FxRobot robot) {
        robot.clickOn("#datasetPath").write("typing");
        robot.type(KeyCode.ESCAPE);
        assertThat(window.shell().estoppedProperty().get()).isTrue();
        assertThat(robot.lookup("#estopReset").queryButton().isVisible()).isTrue();
        robot.clickOn("#estopReset");
        assertThat(window.shell().estoppedProperty().get()).isFalse();
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        assertThat(window.shell().workspaceProperty().get()).isEqualTo(Workspace.COLLECT);
        robot.clickOn("#estopButton");
        assertThat(window.shell().estoppedProperty().get()).isTrue();
    }

    /** Counts e-stop calls. */
    static final class RecordingStop implements studio.tandem.app.studio.ShellViewModel.EmergencyStop {
        int engaged;

        @Override
        public void engage(String reason) {
            engaged++;
        }

        @Override
        public void reset() {
            engaged = 0;
        }
    }
}
