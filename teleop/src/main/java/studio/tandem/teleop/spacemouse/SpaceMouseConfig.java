package studio.tandem.teleop.spacemouse;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * SpaceMouse settings. Axis maps turn source axes into the device frame used for the virtual tool
 * (x right, y forward away from the operator, z up; rotations about those axes): entry i is the
 * 1-based source axis (1..3 translation, 4..6 rotation) feeding output axis i, negative to invert.
 *
 * @param socket spacenavd socket path
 * @param handshakeMillis how long to wait for a v1 answer before assuming protocol v0
 * @param fullScale raw value of a full deflection (about 350)
 * @param deadBand raw values at or below this magnitude count as zero
 * @param maxSpeed tool speed at full deflection, m/s
 * @param maxAngularSpeed tool angular speed at full deflection, rad/s
 * @param spnavAxisMap axis map for spacenavd events
 * @param hidAxisMap axis map for raw HID reports
 * @param hidFallback whether to use raw HID when no daemon answers
 * @param pollMillis how often the device thread publishes while idle, ms
 * @param reconnectMinMillis first reconnect delay after a loss, doubled up to {@code reconnectMaxMillis}
 */
public record SpaceMouseConfig(Path socket, long handshakeMillis, double fullScale, int deadBand, double maxSpeed,
                               double maxAngularSpeed, int[] spnavAxisMap, int[] hidAxisMap, boolean hidFallback,
                               long pollMillis, long reconnectMinMillis, long reconnectMaxMillis) {

    public SpaceMouseConfig {
        requireMap("spnavAxisMap", spnavAxisMap);
        requireMap("hidAxisMap", hidAxisMap);
        spnavAxisMap = spnavAxisMap.clone();
        hidAxisMap = hidAxisMap.clone();
        if (!(fullScale > 0) || !(maxSpeed > 0) || !(maxAngularSpeed > 0) || pollMillis < 1
                || reconnectMinMillis < 1 || reconnectMaxMillis < reconnectMinMillis) {
            throw new IllegalArgumentException("spacemouse: scales, speeds and periods must be positive");
        }
    }

    private static void requireMap(String name, int[] map) {
        if (map == null || map.length != 6) {
            throw new IllegalArgumentException("spacemouse." + name + ": needs 6 entries");
        }
        for (int v : map) {
            if (v == 0 || Math.abs(v) > 6) {
                throw new IllegalArgumentException("spacemouse." + name + ": entries must be ±1..±6, got "
                        + Arrays.toString(map));
            }
        }
    }

    /** Defaults: spacenavd at its usual path, HID fallback on, 0.25 m/s and 1 rad/s at full deflection. */
    public static SpaceMouseConfig defaults() {
        return new SpaceMouseConfig(Path.of(SpnavProtocol.DEFAULT_SOCKET), 200, 350, 8, 0.25, 1.0,
                new int[] {1, -3, 2, 4, -6, 5}, new int[] {1, -2, -3, 4, -5, -6}, true, 5, 100, 2000);
    }

    public SpaceMouseConfig withSocket(Path path, boolean hid) {
        return new SpaceMouseConfig(path, handshakeMillis, fullScale, deadBand, maxSpeed, maxAngularSpeed,
                spnavAxisMap, hidAxisMap, hid, pollMillis, reconnectMinMillis, reconnectMaxMillis);
    }
}
