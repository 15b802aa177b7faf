package studio.tandem.app.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The station file ({@code station.yaml}): which arm, hand or gripper, cameras and operator
 * devices the studio drives. No file means {@link #simulated()}. Immutable; validated on
 * construction with one-line messages naming the field.
 *
 * @param name shown in the title and station panel
 * @param arm the arm
 * @param hand the hand or gripper
 * @param cameras the cameras, in recording order
 * @param devices the operator devices
 */
public record StationConfig(String name, ArmConfig arm, HandConfig hand, List<CameraConfig> cameras,
        List<DeviceConfig> devices) {

    /** Arm types: the simulated UR5e and every real arm driver (docs/stations.md), with their aliases. */
    public static final Set<String> ARMS = Set.of("sim_ur5e", "ur_rtde", "ur-rtde", "ros2", "ros-crisp");
    /** Hand and gripper types, with the drivers' aliases. */
    public static final Set<String> HANDS = Set.of("sim_hand", "sim_gripper", "leap", "robotiq_2f", "robotiq-2f85",
            "robotiq-2f140", "ros-gripper", "none");
    public static final Set<String> CAMERA_TYPES = Set.of("sim", "usb");
    public static final Set<String> DEVICE_TYPES = Set.of("keyboard", "spacemouse", "openxr", "gamepad");

    public StationConfig {
        name = name == null || name.isBlank() ? "station" : name.strip();
        require(arm != null, "arm: missing");
        require(hand != null, "hand: missing");
        cameras = cameras == null ? List.of() : List.copyOf(cameras);
        devices = devices == null ? List.of() : List.copyOf(devices);
        for (int i = 0; i < cameras.size(); i++) {
            for (int j = 0; j < i; j++) {
                require(!cameras.get(i).name().equals(cameras.get(j).name()),
                        "cameras[" + i + "].name: '" + cameras.get(i).name() + "' is used twice");
            }
        }
    }

    /** The built-in simulated station: UR5e, four-finger hand, scene and wrist cameras, keyboard. */
    /**
     * What datasets recorded on this station give as {@code robot_type}: the arm and hand types in
     * lower case with underscores, e.g. {@code ur_rtde_robotiq_2f85}; simulated ones start {@code tandem_}
     * ({@code tandem_sim_ur5e_sim_hand}).
     */
    public String robotType() {
        String t = (arm.type() + (hand.type().equals("none") ? "" : "_" + hand.type())).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_");
        return arm.type().startsWith("sim_") ? "tandem_" + t : t;
    }

    public static StationConfig simulated() {
        return new StationConfig("simulated station", new ArmConfig("sim_ur5e", ""), new HandConfig("sim_hand", ""),
                List.of(new CameraConfig("scene", "sim", "", 320, 240, 30), new CameraConfig("wrist", "sim", "", 320, 240, 30)),
                List.of(new DeviceConfig("keyboard", "")));
    }

    /** Whether everything is simulated (the studio can run it without hardware). */
    public boolean isSimulated() {
        return arm.type().startsWith("sim_") && (hand.type().startsWith("sim_") || hand.type().equals("none"))
                && cameras.stream().allMatch(c -> c.type().equals("sim"));
    }

    /**
     * The driver's own keys of an entry (everything but the fields above, e.g. {@code frequency},
     * {@code lookahead}), passed on unchanged to the driver, which validates them; order kept.
     */
    static Map<String, Object> options(Map<String, Object> driver) {
        return driver == null || driver.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(driver));
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    static String oneOf(String field, String value, Set<String> allowed) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        require(allowed.contains(v), field + ": '" + value + "' is not one of " + allowed.stream().sorted().toList());
        return v;
    }

    /**
     * The arm.
     *
     * @param type {@code sim_ur5e}, {@code ur_rtde} (address = robot IP) or {@code ros2} (address =
     *     rosbridge WebSocket URL)
     * @param driver further driver keys (see docs/stations.md), validated by the driver
     */
    public record ArmConfig(String type, String address, Map<String, Object> driver) {
        public ArmConfig {
            type = oneOf("arm.type", type, ARMS);
            address = address == null ? "" : address.strip();
            require(type.startsWith("sim_") || !address.isEmpty(), "arm.address: needed for a " + type + " arm");
            driver = options(driver);
        }

        public ArmConfig(String type, String address) {
            this(type, address, Map.of());
        }
    }

    /**
     * The hand or gripper.
     *
     * @param type {@code sim_hand}, {@code sim_gripper}, {@code leap} or {@code robotiq_2f} (port =
     *     serial device), or {@code none}
     */
    public record HandConfig(String type, String port, Map<String, Object> driver) {
        public HandConfig {
            type = oneOf("hand.type", type, HANDS);
            port = port == null ? "" : port.strip();
            require(type.startsWith("sim_") || type.equals("none") || !port.isEmpty(),
                    "hand.port: needed for a " + type + " hand (the serial port, or the rosbridge url)");
            driver = options(driver);
        }

        public HandConfig(String type, String port) {
            this(type, port, Map.of());
        }
    }

    /**
     * A camera.
     *
     * @param name the feature becomes {@code observation.images.<name>}
     * @param type {@code sim} or {@code usb} (device = e.g. /dev/video0)
     * @param width pixels, even, 16..4096
     * @param height pixels, even, 16..4096
     * @param fps frames per second, 1..240
     */
    public record CameraConfig(String name, String type, String device, int width, int height, int fps,
            Map<String, Object> driver) {
        public CameraConfig(String name, String type, String device, int width, int height, int fps) {
            this(name, type, device, width, height, fps, Map.of());
        }

        public CameraConfig {
            driver = options(driver);
            require(name != null && name.matches("[a-z][a-z0-9_]*"),
                    "cameras.name: '" + name + "' must be lower case letters, digits and _");
            type = oneOf("cameras." + name + ".type", type, CAMERA_TYPES);
            device = device == null ? "" : device.strip();
            require(width >= 16 && width <= 4096 && width % 2 == 0,
                    "cameras." + name + ".width: must be even and 16..4096, was " + width);
            require(height >= 16 && height <= 4096 && height % 2 == 0,
                    "cameras." + name + ".height: must be even and 16..4096, was " + height);
            require(fps >= 1 && fps <= 240, "cameras." + name + ".fps: must be 1..240, was " + fps);
            require(!type.equals("usb") || !device.isEmpty(), "cameras." + name + ".device: needed for a usb camera");
        }
    }

    /**
     * An operator device. The keyboard is always on; the first other entry drives the arm while it
     * delivers (docs/stations.md, "Operator devices").
     *
     * @param type {@code keyboard}, {@code spacemouse}, {@code openxr} or {@code gamepad}
     * @param options {@code key=value} words: spacemouse {@code socket=PATH hid=true|false}, gamepad
     *     {@code device=/dev/input/js0}; every type {@code facing=DEGREES} (the operator's heading about the
     *     robot's vertical axis, 0 = looking along its +X) and {@code scale=F} (robot metres per device
     *     metre); may be empty
     */
    public record DeviceConfig(String type, String options) {
        private static final Map<String, Set<String>> KEYS = Map.of("spacemouse", Set.of("socket", "hid", "facing",
                "scale"), "gamepad", Set.of("device", "facing", "scale"), "openxr", Set.of("facing", "scale"),
                "keyboard", Set.of("facing", "scale"));

        public DeviceConfig {
            type = oneOf("devices.type", type, DEVICE_TYPES);
            options = options == null ? "" : options.strip();
            optionMap(type, options);
        }

        /** The options as a map, in order. */
        public Map<String, String> optionMap() {
            return optionMap(type, options);
        }

        /** Which way the operator faces, degrees about the robot's vertical axis from its +X ({@code facing=}, default 0). */
        public double facingDegrees() {
            return Double.parseDouble(optionMap().getOrDefault("facing", "0"));
        }

        /** Robot metres per device metre ({@code scale=}, default 1). */
        public double scale() {
            return Double.parseDouble(optionMap().getOrDefault("scale", "1"));
        }

        private static boolean number(String v, double min, double max) {
            try {
                double d = Double.parseDouble(v);
                return d >= min && d <= max;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private static Map<String, String> optionMap(String type, String options) {
            Map<String, String> out = new LinkedHashMap<>();
            Set<String> allowed = KEYS.get(type);
            for (String word : options.split("[\\s,]+")) {
                if (word.isBlank()) {
                    continue;
                }
                int eq = word.indexOf('=');
                String key = eq < 0 ? word : word.substring(0, eq).toLowerCase(Locale.ROOT);
                require(eq > 0 && allowed.contains(key), "devices." + type + ".options: '" + word
                        + "' is not " + (allowed.isEmpty() ? "allowed (no options)"
                        : "one of " + allowed.stream().sorted().map(k -> k + "=...").toList()));
                String value = word.substring(eq + 1);
                require(!key.equals("hid") || value.equals("true") || value.equals("false"),
                        "devices." + type + ".options: hid=" + value + " (expected true or false)");
                require(!key.equals("facing") || number(value, -360, 360),
                        "devices." + type + ".options: facing=" + value + " (expected degrees, -360..360)");
                require(!key.equals("scale") || number(value, 0.05, 10),
                        "devices." + type + ".options: scale=" + value + " (expected 0.05..10)");
                out.put(key, value);
            }
            return Collections.unmodifiableMap(out);
        }
    }
}
