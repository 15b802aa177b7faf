/**
 * ROS 2 arms and grippers through rosbridge v2 (WebSocket + JSON), no ROS installation on the studio side.
 *
 * <p>Notes. Operations used: {@code advertise}, {@code publish}, {@code subscribe} (queue_length 1),
 * {@code call_service} / {@code service_response}, and {@code status} from the server. Defaults follow the
 * CRISP controllers: {@code <ns>/target_pose} and {@code <ns>/current_pose}
 * (geometry_msgs/msg/PoseStamped), {@code <ns>/joint_states} and {@code <ns>/target_joint}
 * (sensor_msgs/msg/JointState), {@code <ns>/gripper_position_controller/commands}
 * (std_msgs/msg/Float64MultiArray); every name is configurable. CRISP controllers track the last target they
 * received, so the target is republished at {@code rate_hz} (≥ 50 Hz) while ACTIVE, and a lost link simply
 * stops the stream: the controller holds the last target. Start the server with
 * {@code ros2 launch rosbridge_server rosbridge_websocket_launch.xml}.
 */
package studio.tandem.teleop.ros;
