package studio.tandem.teleop.device;

import studio.tandem.dataset.feature.FeatureSet;

/**
 * Anything the studio connects to. Constructors do no I/O; {@link #connect()} and {@link #close()}
 * are idempotent; drivers never touch the console. Features are valid while disconnected.
 */
public interface Device extends AutoCloseable {

    /** Stable identifier from the station configuration, e.g. {@code arm} or {@code wrist_cam}. */
    String id();

    DeviceState state();

    /** Opens the connection; afterwards states are readable. Idempotent. */
    void connect() throws DeviceException;

    /** Starts accepting commands (CONNECTED → ACTIVE). */
    void activate() throws DeviceException;

    /** Stops accepting commands and holds (ACTIVE → CONNECTED). Idempotent. */
    void deactivate();

    /** Human-readable reason of the last FAULT, or empty. */
    default String faultReason() {
        return "";
    }

    /** What this device observes, declared once (names, dtype, shape). */
    FeatureSet observationFeatures();

    /** What this device is commanded with; empty for sensors. */
    FeatureSet actionFeatures();

    /** Disconnects. Idempotent; never throws. */
    @Override
    void close();
}
