package studio.tandem.app.studio.collect;

/**
 * One line of the live station panel.
 *
 * @param name device id, e.g. {@code arm}, {@code scene}
 * @param kind what it is (arm, hand, camera, operator device, control loop)
 * @param connected whether its state is readable
 * @param rate measured rate, e.g. {@code 29.8 fps}
 * @param health "ok" or what is wrong (fault, late frames, holds)
 * @param healthy whether {@code health} is fine
 */
public record DeviceStatus(String name, String kind, boolean connected, String rate, String health,
        boolean healthy) {
}
