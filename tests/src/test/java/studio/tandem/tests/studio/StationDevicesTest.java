package studio.tandem.tests.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.tandem.tests.studio.CollectWorkspaceTest.await;
import static studio.tandem.tests.studio.StudioFixtures.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
import studio.tandem.app.studio.session.SessionSettings;
import studio.tandem.app.studio.session.StationSession;
import studio.tandem.dataset.time.NanoClock;

/**
 * Collect on a station file that chooses a SpaceMouse which is not there (no spacenavd at its socket,
 * raw HID off): the station panel's live lines show it disconnected with the reason and that the
 * keyboard drives, and the keyboard moves the arm.
 */
@ExtendWith(ApplicationExtension.class)
class StationDevicesTest {
    @TempDir
    static Path tmp;
    private StudioContext ctx;
    private StudioWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path file = tmp.resolve("station.yaml");
        Files.writeString(file, """
                name: gripper bench
                arm: {type: sim_ur5e}
                gripper: {type: sim_gripper}
                cameras: []
                devices:
                  - {type: spacemouse, options: "socket=%s hid=false"}
                  - keyboard
                """.formatted(tmp.resolve("spnav.sock")));
        ctx = new StudioContext(NanoClock.SYSTEM, tmp.resolve("data"), file);
        ctx.useSession(SessionSettings.defaults(tmp.resolve("data/sim-station")).withCameras(false));
        window = StudioFixtures.show(stage, ctx);
    }

    @AfterEach
    void close() {
        StudioFixtures.close(window, ctx);
    }

    @Test
    void missingSpaceMouseIsShownDisconnectedWithTheReasonWhileTheKeyboardDrives(FxRobot robot) throws Exception {
        fx(() -> window.shell().workspaceProperty().set(Workspace.COLLECT));
        await("station started", 60, () -> window.sessions().session() != null);
        StationSession s = window.sessions().session();
        assertThat(s.simulated()).isTrue();
        assertThat(s.config().name()).isEqualTo("gripper bench");
        assertThat(s.settings().dataset()).isEqualTo(tmp.resolve("data/gripper-bench"));
        await("device lines", 10, () -> texts().stream().anyMatch(t -> t.startsWith("SpaceMouse: no spacenavd")));
        List<String> lines = texts();
        assertThat(lines).contains("spacemouse", "operator · spacemouse", "keyboard", "gripper", "arm");
        assertThat(lines).anyMatch(t -> t.equals("SpaceMouse: no spacenavd at " + tmp.resolve("spnav.sock")
                + " (raw HID disabled) — the keyboard drives"));
        assertThat(lines).anyMatch(t -> t.startsWith("drives · arm"));

        await("loop ticking", 20, () -> s.loop().ticks().latest() != null);
        double[] before = s.loop().ticks().latest().jointState().clone();
        robot.press(KeyCode.R);
        Thread.sleep(1000);
        robot.release(KeyCode.R);
        double[] after = s.loop().ticks().latest().jointState();
        double moved = 0;
        for (int i = 0; i < 6; i++) {
            moved = Math.max(moved, Math.abs(after[i] - before[i]));
        }
        assertThat(moved).as("the keyboard moved the arm (R: up)").isGreaterThan(0.01);
        assertThat(s.operator().primaryDriving()).isFalse();
    }

    /** Every label text in the station panel's live lines. */
    private List<String> texts() {
        List<String> out = new ArrayList<>();
        Runnable read = () -> {
            Node live = window.collectView().node().lookup("#stationLive");
            for (Node n : live.lookupAll(".label")) {
                out.add(((Label) n).getText());
            }
        };
        if (javafx.application.Platform.isFxApplicationThread()) {
            read.run();
        } else {
            fx(read);
        }
        return out;
    }
}
