package studio.tandem.app.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import studio.tandem.app.config.StationConfig;
import studio.tandem.app.config.StationConfigFile;
import studio.tandem.dataset.time.ManualClock;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.leap.LeapHand;
import studio.tandem.teleop.robotiq.Robotiq2FGripper;
import studio.tandem.teleop.ros.RosArm;
import studio.tandem.teleop.station.Station;
import studio.tandem.teleop.ur.UrRtdeArm;
import studio.tandem.teleop.usbcam.UsbCamera;

/** The station file builds the real drivers with every key passed through, without any I/O. */
class StationFactoryTest {
    private static final ManualClock CLOCK = new ManualClock(0);

    @Test
    void urArmLeapHandAndUsbCameraFromYaml() throws IOException {
        StationConfig c = StationConfigFile.parse("""
                name: lab bench
                arm: {type: ur_rtde, address: 127.0.0.1, frequency: 125, lookahead: 0.05}
                hand: {type: leap, port: /dev/ttyUSB7, current_limit: 300}
                cameras:
                  - {name: top, type: usb, device: /dev/video9, width: 640, height: 480, fps: 30}
                devices: [spacemouse]
                """, "station.yaml");
        assertThat(c.arm().driver()).containsEntry("frequency", 125).containsEntry("lookahead", 0.05);
        try (Station s = StationFactory.build(c, CLOCK, 1)) {
            assertThat(s.arm()).isInstanceOf(UrRtdeArm.class);
            assertThat(s.arm().state()).isEqualTo(DeviceState.DISCONNECTED);
            assertThat(s.hand()).get().isInstanceOf(LeapHand.class);
            assertThat(s.cameras()).singleElement().isInstanceOf(UsbCamera.class);
            assertThat(s.observationFeatures().contains("observation.images.top")).isTrue();
        }
    }

    @Test
    void rosArmWithGripper() throws IOException {
        StationConfig c = StationConfigFile.parse("""
                arm: {type: ros2, address: "ws://127.0.0.1:9090", rate_hz: 60}
                hand: {type: robotiq_2f, port: /dev/ttyUSB3}
                """, "station.yaml");
        try (Station s = StationFactory.build(c, CLOCK, 1)) {
            assertThat(s.arm()).isInstanceOf(RosArm.class);
            assertThat(s.hand()).get().isInstanceOf(Robotiq2FGripper.class);
        }
    }

    @Test
    void driverKeysSurviveASaveAndLoad() throws IOException {
        StationConfig c = StationConfigFile.parse(
                "arm: {type: ur_rtde, address: 10.0.0.2, gain: 500}\nhand: {type: none}\n", "a.yaml");
        StationConfig again = StationConfigFile.parse(StationConfigFile.toYaml(c), "b.yaml");
        assertThat(again.arm().driver()).containsEntry("gain", 500);
    }

    @Test
    void aBadDriverKeyIsOneLineNamingIt() throws IOException {
        StationConfig c = StationConfigFile.parse(
                "arm: {type: ur_rtde, address: 10.0.0.2, lookahead: 5.0}\nhand: {type: none}\n", "a.yaml");
        assertThatThrownBy(() -> StationFactory.build(c, CLOCK, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lookahead").hasMessageNotContaining("\n");
        StationConfig typo = StationConfigFile.parse(
                "arm: {type: ur_rtde, address: 10.0.0.2, lookahaed: 0.1}\nhand: {type: none}\n", "a.yaml");
        assertThatThrownBy(() -> StationFactory.build(typo, CLOCK, 1)).hasMessageContaining("lookahaed");
    }

    @Test
    void simulatedPartsDoNotMixWithRealOnes() throws IOException {
        StationConfig c = StationConfigFile.parse(
                "arm: {type: ur_rtde, address: 10.0.0.2}\nhand: {type: sim_hand}\n", "a.yaml");
        assertThatThrownBy(() -> StationFactory.build(c, CLOCK, 1)).hasMessageContaining("hand.type");
    }
}
