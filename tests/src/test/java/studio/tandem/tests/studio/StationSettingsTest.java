package studio.tandem.tests.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.tandem.tests.studio.StudioFixtures.fx;
import static studio.tandem.tests.studio.StudioFixtures.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import studio.tandem.app.config.StationConfigFile;
import studio.tandem.app.studio.StudioContext;
import studio.tandem.app.studio.StudioWindow;
import studio.tandem.dataset.time.NanoClock;

/** The settings dialog edits station.yaml: bad input is refused with one line, good input is saved. */
@ExtendWith(ApplicationExtension.class)
class StationSettingsTest {
    @TempDir
    static Path tmp;
    private StudioContext ctx;
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        ctx = new StudioContext(NanoClock.SYSTEM, tmp, tmp.resolve("cfg/station.yaml"));
        ctx.useSession(studio.tandem.app.studio.session.SessionSettings.defaults(tmp.resolve("ds")).withCameras(false));
        window = StudioFixtures.show(stage, ctx);
    }

    @AfterEach
    void close() {
        StudioFixtures.close(window, ctx);
    }

    @Test
    void editsAndSavesTheStationFile(FxRobot robot) throws Exception {
        robot.clickOn("#workspaceCollect");
        waitUntil("simulated station shown", () -> window.station().statusProperty().get().contains("simulated"));
        assertThat(robot.lookup("#stationPanel .label").queryAll()).anyMatch(
                n -> ((javafx.scene.control.Label) n).getText().equals("Arm: sim_ur5e"));
        robot.clickOn("#stationSettings");
        ComboBox<?> arm = robot.lookup("#armType").queryComboBox();
        fx(() -> window.station().armTypeProperty().set("ur_rtde"));
        assertThat(arm.getValue()).isEqualTo("ur_rtde");
        robot.clickOn("Save");
        assertThat(robot.lookup("#settingsError").queryLabeled().getText())
                .isEqualTo("arm.address: needed for a ur_rtde arm");
        assertThat(Files.exists(ctx.configFile())).isFalse();
        robot.clickOn("#armAddress").write("192.168.0.5");
        robot.clickOn("Save");
        waitUntil("saved", () -> Files.exists(ctx.configFile()) && window.station().statusProperty().get().startsWith("Saved"));
        assertThat(StationConfigFile.load(ctx.configFile()).arm().address()).isEqualTo("192.168.0.5");
        assertThat(robot.lookup("#stationPanel .label").queryAll()).anyMatch(
                n -> ((javafx.scene.control.Label) n).getText().equals("Arm: ur_rtde @ 192.168.0.5"));
    }

    @Test
    void operatorDeviceChoiceIsWrittenAndAStationThatDoesNotConnectIsOneLine(FxRobot robot) throws Exception {
        Files.deleteIfExists(ctx.configFile()); // the other test's file (shared temp dir)
        try {
            deviceChoiceAndFailingStation(robot);
        } finally {
            Files.deleteIfExists(ctx.configFile());
        }
    }

    private void deviceChoiceAndFailingStation(FxRobot robot) throws Exception {
        robot.clickOn("#workspaceCollect");
        waitUntil("simulated station running", () -> window.sessions().session() != null);
        robot.clickOn("#stationSettings");
        fx(() -> {
            window.station().nameProperty().set("lab ur5e");
            window.station().armTypeProperty().set("ur_rtde");
            window.station().armAddressProperty().set("127.0.0.1"); // nothing listens on 30004 here
            window.station().handTypeProperty().set("ros-gripper");
            window.station().handPortProperty().set("ws://127.0.0.1:9");
            window.station().camerasProperty().set("");
        });
        robot.clickOn("#operatorDevice");
        robot.clickOn("spacemouse");
        fx(() -> window.station().deviceOptionsProperty().set("socket=" + tmp.resolve("none.sock") + " hid=false"));
        robot.clickOn("Save");
        waitUntil("saved", () -> window.station().statusProperty().get().startsWith("Saved"));
        var saved = StationConfigFile.load(ctx.configFile());
        assertThat(saved.devices()).extracting(d -> d.type()).containsExactly("spacemouse", "keyboard");
        assertThat(saved.devices().get(0).optionMap()).containsEntry("hid", "false");
        assertThat(robot.lookup("#stationPanel .label").queryAll()).anyMatch(n -> ((javafx.scene.control.Label) n)
                .getText().startsWith("Device: spacemouse (socket=") && ((javafx.scene.control.Label) n).getText()
                .endsWith("drives the arm"));

        robot.clickOn("#restartStation");
        waitUntil("fell back to the simulator", () -> window.sessions().session() != null
                && !window.sessions().problemProperty().get().isEmpty());
        String line = window.sessions().stateProperty().get();
        assertThat(line).startsWith("station 'lab ur5e' did not connect: arm: ").contains("127.0.0.1:30004")
                .endsWith("running the simulated station instead.").doesNotContain("\n").doesNotContain("Exception");
        assertThat(window.sessions().session().simulated()).isTrue();
        assertThat(window.shell().statusProperty().get()).isEqualTo(line);
        assertThat(robot.lookup("#stationProblem").queryLabeled().getText())
                .isEqualTo(window.sessions().problemProperty().get()).startsWith("station 'lab ur5e' did not connect");
    }
}
