/**
 * The LEAP hand over Dynamixel Protocol 2.0, no ROBOTIS SDK.
 *
 * <p>Notes. Packet: {@code FF FF FD 00}, ID, length (LE, counts instruction + parameters + CRC), instruction,
 * parameters, CRC-16 (polynomial 0x8005, MSB-first, initial 0, sent low byte first). Byte stuffing adds
 * {@code FD} after any {@code FF FF FD} inside instruction + parameters. Sync write (0x83) sends all 16 goal
 * positions in one broadcast packet; sync read (0x82) asks all motors for present current (126, 2 bytes),
 * velocity (128, 4) and position (132, 4) in one request, each motor answering with its own status packet.
 * Motors run in current-based position mode (operating mode 5 at address 11, written with torque off): the
 * goal current (102) caps the grip force. LEAP defaults: 4 Mbaud, IDs 0–15, P 600, D 200, current 350.
 * Joint angles are reported with 0 at motor position 2048 (the flat hand).
 */
package studio.tandem.teleop.leap;
