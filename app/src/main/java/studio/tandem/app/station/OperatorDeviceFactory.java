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
 * {@code device=/dev/input/js0}; every type also {@code facing=DEGREES} (where the operator looks, about
 * the robot's vertical axis from its +X) and {@code scale=F}. Building does no I/O. Any thread.
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
                    placed(spaceMouseRetargeting(), d), null);
            case "openxr" -> new OperatorDeviceSetup(d.type(), new OpenXrDevice("openxr", clock),
                    placed(vrRetargeting(), d), null);
            case "gamepad" -> {
                LinuxJoystick pad = new LinuxJoystick(Path.of(o.getOrDefault("device", "/dev/input/js0")), 1000);
                yield new OperatorDeviceSetup(d.type(), new KeyboardDevice("gamepad", clock, KeyBindings.of(Map.of()),
                        pad, GamepadMapping.xinput(), 0.1, 0.5, 250), placed(ArmRetargetConfig.defaults(0), d), pad);
            }
            default -> throw new IllegalArgumentException("devices." + d.type()
                    + ": the keyboard is always on; it is not a primary device");
        };
    }

    /**
     * The keyboard's retargeting. The operator stands in one place: the keyboard turns with the
     * {@code facing=} of its own entry, else with the primary device's; {@code scale=} only from its own
     * entry. Without either, W moves the TCP along the robot's +X.
     */
    public static ArmRetargetConfig keyboardRetargeting(StationConfig config) {
        Optional<StationConfig.DeviceConfig> own = config.devices().stream().filter(d -> d.type().equals("keyboard"))
                .findFirst();
        double facing = own.filter(d -> d.optionMap().containsKey("facing"))
                .or(() -> primary(config)).map(StationConfig.DeviceConfig::facingDegrees).orElse(0.0);
        return placed(ArmRetargetConfig.defaults(0), facing, own.map(StationConfig.DeviceConfig::scale).orElse(1.0));
    }

    /** {@code cfg} for where the operator stands ({@code facing=}) and how far the robot goes per device metre. */
    static ArmRetargetConfig placed(ArmRetargetConfig cfg, StationConfig.DeviceConfig d) {
        return placed(cfg, d.facingDegrees(), d.scale());
    }

    private static ArmRetargetConfig placed(ArmRetargetConfig cfg, double facingDegrees, double scale) {
        return cfg.withMapping(cfg.mode(), cfg.translationScale() * scale, cfg.rotation(),
                cfg.calibration().facing(Math.toRadians(facingDegrees)));
    }

    /**
     * SpaceMouse frame (x right, y away from the operator, z up) → robot base (x forward, y left, z up),
     * for an operator looking along the robot's +X ({@code facing=0}).
     */
    static ArmRetargetConfig spaceMouseRetargeting() {
        return ArmRetargetConfig.defaults(0).withMapping(ClutchMapper.Mode.BASE, 1.0, true,
                DeviceCalibration.fromTwoMotions(new Vector3d(0, 1, 0), new Vector3d(-1, 0, 0)));
    }

    /**
     * OpenXR stage (x right, y up, -z forward) → robot base, right controller, clutch on the grip,
     * for an operator looking along the robot's +X ({@code facing=0}).
     */
    static ArmRetargetConfig vrRetargeting() {
        return ArmRetargetConfig.defaults(Side.RIGHT.ordinal()).withMapping(ClutchMapper.Mode.BASE, 1.0, true,
                DeviceCalibration.fromTwoMotions(new Vector3d(0, 0, -1), new Vector3d(-1, 0, 0)));
    }
}
