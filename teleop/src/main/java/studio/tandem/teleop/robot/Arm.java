package studio.tandem.teleop.robot;

import studio.tandem.teleop.device.Device;
import studio.tandem.teleop.kinematics.DhChain;

/**
 * A robot arm (a simulated UR5e, a UR over RTDE, a ROS 2 arm over rosbridge...). Declares its features
 * once (valid while disconnected): observation {@code observation.<id>.joint_pos} [dof] (rad),
 * {@code observation.<id>.tcp_pose} [7] (x, y, z m; qx, qy, qz, qw; base frame) and action
 * {@code action.<id>.joint_pos} [dof] (rad), see {@link RobotFeatures}.
 *
 * <p>Threads: {@link #read} and {@link #send} are called from the control thread; both are
 * non-blocking and allocate nothing. Real drivers publish latest-value state from their own I/O thread.
 */
public interface Arm extends Device {

    /** Kinematic model (DH parameters and joint limits). */
    DhChain chain();

    default int dof() {
        return chain().dof();
    }

    /**
     * Copies the latest measured state into {@code out} (never blocks). Allowed when the state is
     * readable (CONNECTED or ACTIVE).
     *
     * @throws IllegalStateException when not connected
     */
    void read(ArmState out);

    /**
     * Sends a joint or Cartesian command and writes the command actually applied (after IK, joint
     * limits and velocity limits) into {@code applied}: joint positions and the TCP pose they reach.
     * Non-blocking; the latest command wins.
     *
     * @throws IllegalStateException when not ACTIVE
     */
    void send(ArmCommand command, ArmCommand applied);
}
