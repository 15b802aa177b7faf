package studio.tandem.app.studio.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.tandem.app.config.StationConfig;
import studio.tandem.app.config.StationConfigFile;
import studio.tandem.app.studio.common.Background;

/** The settings dialog's operator-device choice is written to {@code devices:} and read back. */
class StationSettingsViewModelTest {
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path dir;

    @Test
    void deviceChoiceRoundTripsThroughTheYaml() throws Exception {
        Path file = dir.resolve("station.yaml");
        StationSettingsViewModel vm = new StationSettingsViewModel(new Background(DIRECT, DIRECT), file);
        vm.load();
        assertThat(vm.operatorDeviceProperty().get()).as("no file: the keyboard").isEqualTo("keyboard");
        vm.operatorDeviceProperty().set("spacemouse");
        vm.deviceOptionsProperty().set("socket=/run/spnav.sock hid=false");
        assertThat(vm.save()).isTrue();

        String yaml = Files.readString(file);
        assertThat(yaml).contains("type: spacemouse").contains("options: socket=/run/spnav.sock hid=false")
                .contains("type: keyboard");
        StationConfig c = StationConfigFile.load(file);
        assertThat(c.devices()).extracting(StationConfig.DeviceConfig::type).containsExactly("spacemouse", "keyboard");
        assertThat(c.devices().get(0).optionMap()).containsEntry("socket", "/run/spnav.sock")
                .containsEntry("hid", "false");

        StationSettingsViewModel again = new StationSettingsViewModel(new Background(DIRECT, DIRECT), file);
        again.load();
        assertThat(again.operatorDeviceProperty().get()).isEqualTo("spacemouse");
        assertThat(again.deviceOptionsProperty().get()).isEqualTo("socket=/run/spnav.sock hid=false");
        assertThat(again.validate()).isEqualTo(c);

        again.operatorDeviceProperty().set("keyboard");
        again.deviceOptionsProperty().set("");
        assertThat(again.save()).isTrue();
        assertThat(StationConfigFile.load(file).devices()).extracting(StationConfig.DeviceConfig::type)
                .containsExactly("keyboard");
    }

    @Test
    void editingTheDeviceKeepsTheKeyboardsOwnOptions() throws Exception {
        Path file = dir.resolve("station.yaml");
        Files.writeString(file, """
                arm: {type: sim_ur5e}
                devices:
                  - {type: spacemouse, options: "facing=90"}
                  - {type: keyboard, options: "facing=180 scale=0.5"}
                """);
        StationSettingsViewModel vm = new StationSettingsViewModel(new Background(DIRECT, DIRECT), file);
        vm.load();
        vm.deviceOptionsProperty().set("facing=-90 scale=2");
        assertThat(vm.save()).isTrue();
        StationConfig c = StationConfigFile.load(file);
        assertThat(c.devices().get(0).options()).isEqualTo("facing=-90 scale=2");
        assertThat(c.devices().get(1).options()).isEqualTo("facing=180 scale=0.5");
    }

    @Test
    void aBadDeviceOptionIsOneLineNamingTheField() {
        StationSettingsViewModel vm = new StationSettingsViewModel(new Background(DIRECT, DIRECT),
                dir.resolve("station.yaml"));
        vm.operatorDeviceProperty().set("gamepad");
        vm.deviceOptionsProperty().set("port=/dev/input/js1");
        assertThat(vm.save()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("devices.gamepad.options: 'port=/dev/input/js1' is not "
                + "one of [device=..., facing=..., scale=...]");
        assertThat(dir.resolve("station.yaml")).doesNotExist();
    }
}
