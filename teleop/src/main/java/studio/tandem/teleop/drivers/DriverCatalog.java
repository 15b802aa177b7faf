package studio.tandem.teleop.drivers;

import java.util.Map;
import java.util.TreeMap;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.leap.LeapHand;
import studio.tandem.teleop.leap.LeapHandConfig;
import studio.tandem.teleop.robot.Arm;
import studio.tandem.teleop.robot.Camera;
import studio.tandem.teleop.robot.Hand;
import studio.tandem.teleop.robot.RobotFeatures;
import studio.tandem.teleop.robotiq.Robotiq2FGripper;
import studio.tandem.teleop.robotiq.RobotiqConfig;
import studio.tandem.teleop.ros.RosArm;
import studio.tandem.teleop.ros.RosArmConfig;
import studio.tandem.teleop.ros.RosGripper;
import studio.tandem.teleop.ros.RosGripperConfig;
import studio.tandem.teleop.ur.UrRtdeArm;
import studio.tandem.teleop.ur.UrRtdeConfig;
import studio.tandem.teleop.usbcam.UsbCamera;
import studio.tandem.teleop.usbcam.UsbCameraConfig;

/**
 * Builds the real drivers from station configuration entries (the maps a YAML loader produces), by their
 * {@code type} key: one table per device kind, no if/else chain. Building does no I/O; errors name the key
 * ({@code arm.type: 'x' is not one of [...]}). Stateless; any thread.
 */
public final class DriverCatalog {

    /** Builds a device of one kind from its id, entry and the station clock. */
    @FunctionalInterface
    interface Builder<T> {
        T build(String id, Map<String, ?> entry, NanoClock clock);
    }

    private static final Map<String, Builder<Arm>> ARMS = new TreeMap<>(Map.of(
            UrRtdeConfig.TYPE, (id, e, c) -> new UrRtdeArm(UrRtdeConfig.fromMap(id, e), c),
            UrRtdeConfig.TYPE_ALIAS, (id, e, c) -> new UrRtdeArm(UrRtdeConfig.fromMap(id, e), c),
            RosArmConfig.TYPE, (id, e, c) -> new RosArm(RosArmConfig.fromMap(id, e), c),
            RosArmConfig.TYPE_ALIAS, (id, e, c) -> new RosArm(RosArmConfig.fromMap(id, e), c)));
    private static final Map<String, Builder<Hand>> HANDS = new TreeMap<>(Map.of(
            LeapHandConfig.TYPE, (id, e, c) -> new LeapHand(LeapHandConfig.fromMap(id, e), c),
            RobotiqConfig.TYPE_85, (id, e, c) -> new Robotiq2FGripper(RobotiqConfig.fromMap(id, e), c),
            RobotiqConfig.TYPE_140, (id, e, c) -> new Robotiq2FGripper(RobotiqConfig.fromMap(id, e), c),
            RobotiqConfig.TYPE_ALIAS, (id, e, c) -> new Robotiq2FGripper(RobotiqConfig.fromMap(id, e), c),
            RosGripperConfig.TYPE, (id, e, c) -> new RosGripper(RosGripperConfig.fromMap(id, e), c)));
    private static final Map<String, Builder<Camera>> CAMERAS = new TreeMap<>(Map.of(
            UsbCameraConfig.TYPE, (id, e, c) -> new UsbCamera(UsbCameraConfig.fromMap(id, e), c)));

    private DriverCatalog() {
    }

    /** Arm types: {@code ros-crisp} (alias {@code ros2}), {@code ur-rtde} (alias {@code ur_rtde}). */
    public static Arm arm(String id, Map<String, ?> entry, NanoClock clock) {
        return build(ARMS, id, entry, clock);
    }

    /**
     * Hand and gripper types: {@code leap}, {@code robotiq-2f85}, {@code robotiq-2f140} (alias {@code robotiq_2f}),
     * {@code ros-gripper}.
     */
    public static Hand hand(String id, Map<String, ?> entry, NanoClock clock) {
        return build(HANDS, id, entry, clock);
    }

    /** Camera types: {@code usb}. The feature is {@link RobotFeatures#image(String)} of {@code id}. */
    public static Camera camera(String id, Map<String, ?> entry, NanoClock clock) {
        return build(CAMERAS, id, entry, clock);
    }

    /** True if {@code type} names a real arm, hand or camera driver of this catalog. */
    public static boolean knows(String type) {
        return ARMS.containsKey(type) || HANDS.containsKey(type) || CAMERAS.containsKey(type);
    }

    private static <T> T build(Map<String, Builder<T>> table, String id, Map<String, ?> entry, NanoClock clock) {
        Object type = entry == null ? null : entry.get("type");
        if (type == null) {
            throw new IllegalArgumentException(id + ".type: missing (one of " + table.keySet() + ")");
        }
        Builder<T> b = table.get(type.toString());
        if (b == null) {
            throw new IllegalArgumentException(id + ".type: '" + type + "' is not one of " + table.keySet());
        }
        return b.build(id, entry, clock);
    }
}
