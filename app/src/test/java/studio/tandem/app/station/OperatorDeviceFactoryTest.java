package studio.tandem.app.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;
import studio.tandem.app.config.StationConfig;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.retarget.ArmRetargetConfig;

/** Where the operator stands and how far the robot goes: {@code facing=} and {@code scale=} on every device. */
class OperatorDeviceFactoryTest {
    private static final Vector3d AWAY = new Vector3d(0, 1, 0); // SpaceMouse: pushing the cap away

    private static Vector3d robot(ArmRetargetConfig c, Vector3d device) {
        return c.calibration().apply(new Vector3d(device));
    }

    private static void near(Vector3d v, double x, double y, double z) {
        assertThat(v.x).isCloseTo(x, within(1e-9));
        assertThat(v.y).isCloseTo(y, within(1e-9));
        assertThat(v.z).isCloseTo(z, within(1e-9));
    }

    private static ArmRetargetConfig spaceMouse(String options) {
        try (OperatorDeviceSetup s = OperatorDeviceFactory.build(new StationConfig.DeviceConfig("spacemouse",
                options), NanoClock.SYSTEM)) {
            return s.retargeting();
        }
    }

    @Test
    void pushingAwayFollowsWhereTheOperatorLooks() {
        near(robot(spaceMouse(""), AWAY), 1, 0, 0);
        near(robot(spaceMouse("facing=90"), AWAY), 0, 1, 0);
        near(robot(spaceMouse("facing=180"), AWAY), -1, 0, 0);
        near(robot(spaceMouse("facing=-90"), AWAY), 0, -1, 0);
        near(robot(spaceMouse("facing=90"), new Vector3d(0, 0, 1)), 0, 0, 1);
        assertThat(spaceMouse("").translationScale()).isEqualTo(1);
        assertThat(spaceMouse("scale=0.25 facing=90").translationScale()).isEqualTo(0.25);
    }

    @Test
    void theKeyboardTurnsWithTheOperatorUnlessItsOwnEntrySaysOtherwise() {
        Vector3d forward = new Vector3d(1, 0, 0); // W
        StationConfig alone = config(List.of(new StationConfig.DeviceConfig("keyboard", "")));
        near(robot(OperatorDeviceFactory.keyboardRetargeting(alone), forward), 1, 0, 0);
        StationConfig withMouse = config(List.of(new StationConfig.DeviceConfig("spacemouse", "facing=90 scale=3"),
                new StationConfig.DeviceConfig("keyboard", "")));
        ArmRetargetConfig k = OperatorDeviceFactory.keyboardRetargeting(withMouse);
        near(robot(k, forward), 0, 1, 0);
        assertThat(k.translationScale()).as("a device's scale is its own").isEqualTo(1);
        StationConfig own = config(List.of(new StationConfig.DeviceConfig("spacemouse", "facing=90"),
                new StationConfig.DeviceConfig("keyboard", "facing=180 scale=0.5")));
        ArmRetargetConfig o = OperatorDeviceFactory.keyboardRetargeting(own);
        near(robot(o, forward), -1, 0, 0);
        assertThat(o.translationScale()).isEqualTo(0.5);
    }

    private static StationConfig config(List<StationConfig.DeviceConfig> devices) {
        StationConfig s = StationConfig.simulated();
        return new StationConfig(s.name(), s.arm(), s.hand(), s.cameras(), devices);
    }
}
