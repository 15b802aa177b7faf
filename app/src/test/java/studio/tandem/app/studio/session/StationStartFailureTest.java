package studio.tandem.app.studio.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.tandem.app.config.StationConfig;
import studio.tandem.app.config.StationConfigFile;
import studio.tandem.app.studio.common.Background;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceException;

/**
 * A station file whose hardware does not answer: one line naming the station and the cause, nothing
 * left open; in the studio the simulated station runs instead with that line shown, and a restart
 * tries the file again.
 */
class StationStartFailureTest {
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path dir;

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private StationConfig unreachable() throws Exception {
        Path file = dir.resolve("station.yaml");
        Files.writeString(file, """
                name: lab ur5e
                arm: {type: ur-rtde, host: 127.0.0.1, rtde_port: %d, connect_timeout_ms: 300}
                gripper: {type: robotiq-2f85, port: /dev/tandem-no-such-port}
                """.formatted(closedPort()));
        return StationConfigFile.load(file);
    }

    private SessionSettings settings() {
        return SessionSettings.defaults(dir.resolve("sim-station")).withCameras(false);
    }

    @Test
    void aStationThatDoesNotConnectIsOneLineNamingIt() throws Exception {
        StationConfig c = unreachable();
        assertThatThrownBy(() -> StationSession.start(settings(), NanoClock.SYSTEM, c))
                .isInstanceOf(DeviceException.class)
                .hasMessageStartingWith("station 'lab ur5e' did not connect: ")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("Exception");
        assertThat(dir.resolve("lab-ur5e")).as("nothing half-created").doesNotExist();
    }

    @Test
    void theStudioFallsBackToTheSimulatorAndSaysWhy() throws Exception {
        StationConfig c = unreachable();
        SessionModel model = new SessionModel(new Background(DIRECT, DIRECT),
                () -> StationSession.start(settings(), NanoClock.SYSTEM, c),
                () -> StationSession.start(settings(), NanoClock.SYSTEM));
        try {
            model.start();
            StationSession s = model.session();
            assertThat(s).isNotNull();
            assertThat(s.simulated()).isTrue();
            assertThat(model.problemProperty().get()).startsWith("station 'lab ur5e' did not connect: ");
            assertThat(model.stateProperty().get()).contains("did not connect")
                    .endsWith("running the simulated station instead.").doesNotContain("\n");

            assertThat(model.restart()).isTrue();
            assertThat(model.session()).isNotSameAs(s);
            assertThat(model.session().simulated()).as("still unreachable: the simulator again").isTrue();
        } finally {
            model.close();
        }
    }
}
