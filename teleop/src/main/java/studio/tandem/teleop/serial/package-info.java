/**
 * Byte links to serial devices: the {@link studio.tandem.teleop.serial.ByteStream} interface that protocol
 * code talks to, and its jSerialComm implementation. Tests put an in-memory peer behind the same interface.
 * The user needs the {@code dialout} group; FTDI adapters should use a 1 ms latency timer for 100 Hz+ buses.
 */
package studio.tandem.teleop.serial;
