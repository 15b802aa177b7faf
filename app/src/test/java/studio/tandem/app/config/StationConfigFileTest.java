package studio.tandem.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationConfigFileTest {
    @TempDir
    Path tmp;

    @Test
    void noFileIsTheSimulatedStation() throws IOException {
        StationConfig c = StationConfigFile.load(tmp.resolve("station.yaml"));
        assertThat(c).isEqualTo(StationConfig.simulated());
        assertThat(c.isSimulated()).isTrue();
    }

    @Test
    void roundTripsThroughYamlAtomically() throws IOException {
        StationConfig c = StationConfigFile.parse("""
                name: lab 3
                arm: {type: ur_rtde, address: 192.168.1.10}
                hand: {type: leap, port: /dev/ttyUSB0}
                cameras:
                  - {name: wrist, type: usb, device: /dev/video2, width: 640, height: 480, fps: 30}
                devices: [spacemouse, {type: openxr}]
                """, "test");
        assertThat(c.arm().address()).isEqualTo("192.168.1.10");
        assertThat(c.devices()).extracting(StationConfig.DeviceConfig::type).containsExactly("spacemouse", "openxr");
        assertThat(c.isSimulated()).isFalse();
        Path f = tmp.resolve("cfg/station.yaml");
        StationConfigFile.save(c, f);
        assertThat(StationConfigFile.load(f)).isEqualTo(c);
        try (var s = Files.list(f.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("station.yaml");
        }
    }

    @Test
    void badFieldsFailWithOneLineNamingFileAndField() throws IOException {
        Path f = tmp.resolve("station.yaml");
        Files.writeString(f, "arm: {type: kuka}\nhand: {type: none}\n");
        assertThatThrownBy(() -> StationConfigFile.load(f)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(f + ": arm.type: 'kuka' is not one of").hasMessageNotContaining("\n");
        Files.writeString(f, "arm: {type: sim_ur5e}\nhand: {type: none}\ncameras: [{name: a, width: 641}]\n");
        assertThatThrownBy(() -> StationConfigFile.load(f)).hasMessage(f + ": cameras.a.width: must be even and 16..4096, was 641");
        Files.writeString(f, "arm: [unclosed\n");
        assertThatThrownBy(() -> StationConfigFile.load(f)).hasMessageStartingWith(f + ": not valid YAML");
        Files.writeString(f, "hand: {type: none}\n");
        assertThatThrownBy(() -> StationConfigFile.load(f)).hasMessageContaining("arm: missing");
        Files.writeString(f, "arm: {type: sim_ur5e}\ndevices: [{type: spacemouse, options: 'facing=left'}]\n");
        assertThatThrownBy(() -> StationConfigFile.load(f))
                .hasMessage(f + ": devices.spacemouse.options: facing=left (expected degrees, -360..360)");
        Files.writeString(f, "arm: {type: sim_ur5e}\ndevices: [{type: keyboard, options: 'scale=0'}]\n");
        assertThatThrownBy(() -> StationConfigFile.load(f))
                .hasMessage(f + ": devices.keyboard.options: scale=0 (expected 0.05..10)");
    }

    @Test
    void robotTypeNamesArmAndHand() throws IOException {
        assertThat(StationConfig.simulated().robotType()).isEqualTo("tandem_sim_ur5e_sim_hand");
        StationConfig ur = StationConfigFile.parse("""
                arm: {type: ur-rtde, host: 10.0.0.2}
                gripper: {type: robotiq-2f85, port: /dev/ttyUSB0}
                """, "s.yaml");
        assertThat(ur.robotType()).isEqualTo("ur_rtde_robotiq_2f85");
    }

    @Test
    void whereTheOperatorStandsRoundTrips() throws IOException {
        Path f = tmp.resolve("station.yaml");
        Files.writeString(f, """
                arm: {type: sim_ur5e}
                devices:
                  - {type: openxr, options: "facing=90 scale=0.5"}
                  - {type: keyboard, options: "facing=-90"}
                """);
        StationConfig c = StationConfigFile.load(f);
        assertThat(c.devices().get(0).facingDegrees()).isEqualTo(90);
        assertThat(c.devices().get(0).scale()).isEqualTo(0.5);
        assertThat(c.devices().get(1).facingDegrees()).isEqualTo(-90);
        assertThat(c.devices().get(1).scale()).isEqualTo(1);
        StationConfigFile.save(c, f);
        assertThat(StationConfigFile.load(f)).isEqualTo(c);
    }
}
