package studio.tandem.teleop.robot;

import studio.tandem.teleop.device.Device;

/**
 * A multi-finger hand or a parallel gripper (simulated, LEAP, Robotiq 2F...). Features, declared once:
 * {@code observation.<id>.joint_pos} [dof], {@code observation.<id>.tactile} [fingertips] (N) and
 * {@code action.<id>.joint_pos} [dof]; see {@link RobotFeatures}.
 *
 * <p>Threads: {@link #read} and {@link #send} are called from the control thread; non-blocking,
 * allocation-free.
 */
public interface Hand extends Device {

    HandSpec spec();

    /** The fingertip kinematics, when the driver knows the hand's geometry. */
    default java.util.Optional<HandKinematics> kinematics() {
        return java.util.Optional.empty();
    }

    /**
     * Copies the latest state into {@code out}.
     *
     * @throws IllegalStateException when not connected
     */
    void read(HandState out);

    /**
     * Sends joint targets; writes the targets actually applied (clamped to the limits, NaN replaced by
     * the current posture) into {@code applied}.
     *
     * @throws IllegalStateException when not ACTIVE
     */
    void send(HandCommand command, HandCommand applied);
}
