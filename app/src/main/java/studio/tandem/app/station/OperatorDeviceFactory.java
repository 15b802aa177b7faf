package studio.tandem.app.station;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.joml.Vector3d;
import studio.tandem.app.config.StationConfig;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.input.Side;
import studio.tandem.teleop.keyboard.GamepadMapping;
import studio.tandem.teleop.keyboard.KeyBindings;
import studio.tandem.teleop.keyboard.KeyboardDevice;
import studio.tandem.teleop.keyboard.LinuxJoystick;
import studio.tandem.teleop.openxr.OpenXrDevice;
import studio.tandem.teleop.retarget.ArmRetargetConfig;
import studio.tandem.teleop.retarget.ClutchMapper;
import studio.tandem.teleop.retarget.DeviceCalibration;
import studio.tandem.teleop.spacemouse.SpaceMouseConfig;
import studio.tandem.teleop.spacemouse.SpaceMouseDevice;

/**
 * Builds the operator device a station file's {@code devices:} chooses. The keyboard is always on (the
 * UI feeds it); the first other entry is the primary device that drives the arm while it delivers.
 * Options are {@code key=value} words: spacemouse {@code socket=PATH hid=true|false}, gamepad
 * {@code device=/dev/input/js0}; openxr takes none. Building does no I/O. Any thread.
 */
public final class OperatorDeviceFactory {
    private OperatorDeviceFactory() {
    }

    /** The primary device entry: the first one that is not the keyboard. */
    public static Optional<StationConfig.DeviceConfig> primary(StationConfig config) {
        return config.devices().stream().filter(d -> !d.type().equals("keyboard")).findFirst();
    }

    /**
     * Builds the device of {@code d} (not connected).
     *
     * @throws IllegalArgumentException naming {@code devices.<type>.options} on a bad option
     */
    public static OperatorDeviceSetup build(StationConfig.DeviceConfig d, NanoClock clock) {
        Map<String, String> o = d.optionMap();
        return switch (d.type()) {
            case "spacemouse" -> new OperatorDeviceSetup(d.type(), new SpaceMouseDevice("spacemouse", clock,
                    SpaceMouseConfig.defaults().withSocket(Path.of(o.getOrDefault("socket",
                            SpaceMouseConfig.defaults().socket().toString())), !"false".equals(o.get("hid")))),
                    spaceMouseRetargeting(), null);
            case "openxr" -> new OperatorDeviceSetup(d.type(), new OpenXrDevice("openxr", clock), vrRetargeting(),
                    null);
            case "gamepad" -> {
                LinuxJoystick pad = new LinuxJoystick(Path.of(o.getOrDefault("device", "/dev/input/js0")), 1000);
                yield new OperatorDeviceSetup(d.type(), new KeyboardDevice("gamepad", clock, KeyBindings.of(Map.of()),
                        pad, GamepadMapping.xinput(), 0.1, 0.5, 250), ArmRetargetConfig.defaults(0), pad);
            }
            default -> throw new IllegalArgumentException("devices." + d.type()
                    + ": the keyboard is always on; it is not a primary device");
        };
    }

    /**
     * SpaceMouse frame (x right, y away from the operator, z up) → robot base (x forward, y left, z up),
     * for an operator facing the robot's x axis.
     */
    static ArmRetargetConfig spaceMouseRetargeting() {
        return ArmRetargetConfig.defaults(0).withMapping(ClutchMapper.Mode.BASE, 1.0, true,
                DeviceCalibration.fromTwoMotions(new Vector3d(0, 1, 0), new Vector3d(-1, 0, 0)));
    }

    /**
     * OpenXR stage (x right, y up, -z forward) → robot base, right controller, clutch on the grip,
     * for an operator facing the robot's x axis.
     */
    static ArmRetargetConfig vrRetargeting() {
        return ArmRetargetConfig.defaults(Side.RIGHT.ordinal()).withMapping(ClutchMapper.Mode.BASE, 1.0, true,
                DeviceCalibration.fromTwoMotions(new Vector3d(0, 0, -1), new Vector3d(-1, 0, 0)));
    }
}
