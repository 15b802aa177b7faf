package studio.tandem.teleop.robotiq;

import java.io.IOException;
import studio.tandem.teleop.serial.ByteStream;

/**
 * Modbus RTU master on a byte stream: function 0x10 (write multiple registers) and 0x04 (read input
 * registers), big-endian registers, CRC-16/Modbus (reflected polynomial 0xA001, initial 0xFFFF, low byte
 * first). Exception replies, CRC errors, wrong echoes and timeouts are counted; preallocated buffers, no
 * allocation per request. One I/O thread only.
 */
public final class ModbusRtu {
    public static final int WRITE_MULTIPLE = 0x10;
    public static final int READ_INPUT = 0x04;

    private final ByteStream link;
    private final long timeoutNanos;
    private final byte[] tx = new byte[256];
    private final byte[] rx = new byte[256];
    private long crcErrors;
    private long timeouts;
    private long exceptions;
    private long malformed;
    private int lastException;

    public ModbusRtu(ByteStream link, long timeoutNanos) {
        this.link = link;
        this.timeoutNanos = timeoutNanos;
    }

    public ByteStream link() {
        return link;
    }

    /** CRC-16/Modbus of {@code len} bytes from {@code off}. */
    public static int crc(byte[] b, int off, int len) {
        int crc = 0xFFFF;
        for (int i = off; i < off + len; i++) {
            crc ^= b[i] & 0xFF;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    /** Appends the CRC (low byte first) after {@code len} bytes; returns the frame length. */
    public static int seal(byte[] b, int len) {
        int c = crc(b, 0, len);
        b[len] = (byte) c;
        b[len + 1] = (byte) (c >>> 8);
        return len + 2;
    }

    /** Writes {@code count} 16-bit registers from {@code address}; true when the slave echoed the request. */
    public boolean writeRegisters(int slave, int address, int[] values, int count) throws IOException {
        tx[0] = (byte) slave;
        tx[1] = WRITE_MULTIPLE;
        put16(tx, 2, address);
        put16(tx, 4, count);
        tx[6] = (byte) (2 * count);
        for (int i = 0; i < count; i++) {
            put16(tx, 7 + 2 * i, values[i]);
        }
        if (!transact(seal(tx, 7 + 2 * count), slave, WRITE_MULTIPLE, 8)) {
            return false;
        }
        if (u16(rx, 2) != address || u16(rx, 4) != count) {
            malformed++;
            return false;
        }
        return true;
    }

    /** Reads {@code count} input registers from {@code address} into {@code out}; false on any failure. */
    public boolean readInputRegisters(int slave, int address, int count, int[] out) throws IOException {
        tx[0] = (byte) slave;
        tx[1] = READ_INPUT;
        put16(tx, 2, address);
        put16(tx, 4, count);
        if (!transact(seal(tx, 6), slave, READ_INPUT, 5 + 2 * count)) {
            return false;
        }
        if ((rx[2] & 0xFF) != 2 * count) {
            malformed++;
            return false;
        }
        for (int i = 0; i < count; i++) {
            out[i] = u16(rx, 3 + 2 * i);
        }
        return true;
    }

    /** Sends a request and receives a reply of {@code replyLen} bytes (or a 5-byte exception). */
    private boolean transact(int len, int slave, int function, int replyLen) throws IOException {
        link.discardInput();
        link.write(tx, 0, len);
        long deadline = System.nanoTime() + timeoutNanos;
        if (link.readFully(rx, 0, 5, deadline) < 5) {
            timeouts++;
            return false;
        }
        if ((rx[0] & 0xFF) != slave || (rx[1] & 0x7F) != function) {
            malformed++;
            return false;
        }
        if ((rx[1] & 0x80) != 0) {
            if (crc(rx, 0, 3) != u16le(rx, 3)) {
                crcErrors++;
                return false;
            }
            exceptions++;
            lastException = rx[2] & 0xFF;
            return false;
        }
        if (link.readFully(rx, 5, replyLen - 5, deadline) < replyLen - 5) {
            timeouts++;
            return false;
        }
        if (crc(rx, 0, replyLen - 2) != u16le(rx, replyLen - 2)) {
            crcErrors++;
            return false;
        }
        return true;
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
    }

    private static int u16le(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    public long crcErrors() {
        return crcErrors;
    }

    public long timeouts() {
        return timeouts;
    }

    /** Exception replies from the slave (see {@link #lastException()}). */
    public long exceptions() {
        return exceptions;
    }

    /** Replies from another slave or function, or with a wrong echo or byte count. */
    public long malformed() {
        return malformed;
    }

    /** Code of the last exception reply (1 illegal function, 2 illegal address, 3 illegal value, 4 failure). */
    public int lastException() {
        return lastException;
    }
}
