/**
 * Universal Robots arms over RTDE, no vendor SDK.
 *
 * <p>Notes. RTDE listens on TCP 30004; every package is {@code uint16 size, uint8 type, payload}, big-endian.
 * Handshake: request protocol version 2 ('V'), controller version ('v'), output recipe ('O': output frequency
 * as a double, then comma-separated names; the reply lists the types, {@code NOT_FOUND} for unknown names),
 * input recipe ('I'; {@code IN_USE} when another client owns a register), start ('S'). Then the controller
 * streams data packages ('U': recipe id + values) at the requested rate (e-Series ≤ 500 Hz, CB3 ≤ 125 Hz) and
 * the client answers each with one input package, so commands are paced by the robot. Text messages ('M')
 * are kept for error messages. Registers 24–47 are reserved for external RTDE clients; the servo program
 * ({@link studio.tandem.teleop.ur.UrServoScript}) reads mode, counter and target from them, calls
 * {@code servoj}/{@code servol} with the configured lookahead and gain, and is guarded by
 * {@code rtde_set_watchdog} plus its own staleness count. The robot must be in remote control mode for the
 * script port (30002 secondary, 30003 real-time) to accept the program.
 */
package studio.tandem.teleop.ur;
