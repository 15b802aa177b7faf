package studio.tandem.teleop.device;

/**
 * Lifecycle of every device (robot arm, hand, gripper, camera, operator device).
 * DISCONNECTED → CONNECTED (states readable, commands rejected) → ACTIVE (commands accepted) → FAULT.
 */
public enum DeviceState {
    DISCONNECTED, CONNECTED, ACTIVE, FAULT;

    public boolean readable() {
        return this == CONNECTED || this == ACTIVE;
    }

    public boolean commandable() {
        return this == ACTIVE;
    }
}
