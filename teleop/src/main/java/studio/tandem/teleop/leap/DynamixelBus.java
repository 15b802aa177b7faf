package studio.tandem.teleop.leap;

import java.io.IOException;
import studio.tandem.teleop.serial.ByteStream;

/**
 * A Dynamixel Protocol 2.0 bus on a byte stream: ping, write with status, sync write (broadcast, no reply)
 * and sync read (one status packet per motor, in request order). Malformed replies (bad CRC, wrong ID or
 * length, garbage before a header) and silent motors are counted, never hidden. Buffers are preallocated;
 * sync read and sync write allocate nothing. One I/O thread only.
 */
public final class DynamixelBus {
    private static final int MAX_PARAMS = 1024;
    private static final int TIMEOUT = -1;
    private static final int BAD = -2;

    private final ByteStream link;
    private final long timeoutNanos;
    private final byte[] params = new byte[MAX_PARAMS];
    private final byte[] tx = new byte[MAX_PARAMS * 2];
    private final byte[] rx = new byte[MAX_PARAMS * 2];
    private long crcErrors;
    private long timeouts;
    private long malformed;
    private long discardedBytes;
    private long errorStatus;
    private long hardwareAlerts;
    private int lastError;
    private int paramLength;

    /** @param timeoutNanos how long to wait for one status packet */
    public DynamixelBus(ByteStream link, long timeoutNanos) {
        this.link = link;
        this.timeoutNanos = timeoutNanos;
    }

    public ByteStream link() {
        return link;
    }

    /** True if motor {@code id} answers a ping. */
    public boolean ping(int id) throws IOException {
        link.discardInput();
        send(id, DynamixelPacket.PING, 0);
        return receiveFrom(id, 3);
    }

    /** Writes {@code n} bytes of {@code value} (little-endian) at {@code address} of {@code id} and checks the status. */
    public boolean write(int id, int address, int n, int value) throws IOException {
        DynamixelPacket.put(params, 0, 2, address);
        DynamixelPacket.put(params, 2, n, value);
        send(id, DynamixelPacket.WRITE, 2 + n);
        return receiveFrom(id, 0);
    }

    /** Writes {@code values[i]} ({@code n} bytes each) at {@code address} of {@code ids[i]}: one broadcast packet. */
    public void syncWrite(int address, int n, int[] ids, int[] values, int count) throws IOException {
        DynamixelPacket.put(params, 0, 2, address);
        DynamixelPacket.put(params, 2, 2, n);
        int w = 4;
        for (int i = 0; i < count; i++) {
            params[w++] = (byte) ids[i];
            DynamixelPacket.put(params, w, n, values[i]);
            w += n;
        }
        send(DynamixelPacket.BROADCAST_ID, DynamixelPacket.SYNC_WRITE, w);
    }

    /**
     * Reads {@code n} bytes at {@code address} from every motor of {@code ids}; motor i's bytes land at
     * {@code out[i * n]}, and {@code ok[i]} tells whether it answered correctly.
     *
     * @return how many motors answered
     */
    public int syncRead(int address, int n, int[] ids, int count, byte[] out, boolean[] ok) throws IOException {
        link.discardInput();
        DynamixelPacket.put(params, 0, 2, address);
        DynamixelPacket.put(params, 2, 2, n);
        for (int i = 0; i < count; i++) {
            params[4 + i] = (byte) ids[i];
        }
        send(DynamixelPacket.BROADCAST_ID, DynamixelPacket.SYNC_READ, 4 + count);
        java.util.Arrays.fill(ok, 0, count, false);
        int answered = 0;
        while (answered < count) {
            int id = receive();
            if (id == TIMEOUT) {
                break;
            }
            int i = indexOf(ids, count, id);
            if (i >= 0 && !ok[i] && paramLength == n) {
                System.arraycopy(rx, DynamixelPacket.PREFIX + 1, out, i * n, n);
                ok[i] = true;
                answered++;
            } else if (id >= 0) {
                malformed++;
            }
        }
        return answered;
    }

    private static int indexOf(int[] ids, int count, int id) {
        for (int i = 0; i < count; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }

    private void send(int id, int instruction, int pLen) throws IOException {
        int len = DynamixelPacket.encode(id, instruction, params, 0, pLen, tx);
        link.write(tx, 0, len);
    }

    /** Receives a status packet from {@code id} with {@code expected} parameter bytes; false otherwise. */
    private boolean receiveFrom(int id, int expected) throws IOException {
        int from = receive();
        if (from >= 0 && (from != id || paramLength != expected)) {
            malformed++;
            return false;
        }
        return from >= 0;
    }

    /**
     * Receives one status packet; returns its sender ID with {@link #paramLength} set, {@link #TIMEOUT} when
     * nothing complete arrived in time, or {@link #BAD} for a CRC error, a malformed packet or an error status.
     */
    private int receive() throws IOException {
        long deadline = System.nanoTime() + timeoutNanos;
        if (!syncHeader(deadline) || link.readFully(rx, 4, 3, deadline) < 3) {
            timeouts++;
            return TIMEOUT;
        }
        int length = DynamixelPacket.u16(rx, 5);
        if (length < 4 || length > rx.length - 7) {
            malformed++;
            return BAD;
        }
        if (link.readFully(rx, 7, length, deadline) < length) {
            timeouts++;
            return TIMEOUT;
        }
        int crcAt = 7 + length - 2;
        if (DynamixelPacket.u16(rx, crcAt) != DynamixelPacket.crc(rx, 0, crcAt)) {
            crcErrors++;
            return BAD;
        }
        int body = DynamixelPacket.unstuff(rx, 7, length - 2);
        if ((rx[7] & 0xFF) != DynamixelPacket.STATUS || body < 2) {
            malformed++;
            return BAD;
        }
        lastError = rx[8] & 0xFF;
        if ((lastError & 0x7F) != 0) {
            errorStatus++;
            return BAD;
        }
        if ((lastError & 0x80) != 0) {
            hardwareAlerts++;
        }
        paramLength = body - 2;
        return rx[4] & 0xFF;
    }

    /** Skips bytes until {@code FF FF FD 00}; counts the skipped ones. */
    private boolean syncHeader(long deadline) throws IOException {
        int matched = 0;
        while (matched < 4) {
            if (link.readFully(rx, matched, 1, deadline) < 1) {
                return false;
            }
            int b = rx[matched] & 0xFF;
            int want = matched < 2 ? 0xFF : matched == 2 ? 0xFD : 0x00;
            if (b == want) {
                matched++;
            } else if (b == 0xFF) {
                int keep = matched == 2 ? 2 : 1;
                discardedBytes += matched + 1 - keep;
                matched = keep;
                rx[0] = (byte) 0xFF;
                rx[1] = (byte) 0xFF;
            } else {
                discardedBytes += matched + 1;
                matched = 0;
            }
        }
        return true;
    }

    /** Status packets whose CRC did not match. */
    public long crcErrors() {
        return crcErrors;
    }

    /** Status packets that did not arrive in time. */
    public long timeouts() {
        return timeouts;
    }

    /** Status packets with a wrong sender, instruction or length. */
    public long malformed() {
        return malformed;
    }

    /** Bytes skipped while looking for a header (noise, truncated packets). */
    public long discardedBytes() {
        return discardedBytes;
    }

    /** Status packets reporting an instruction error (range, length, access...). */
    public long errorStatus() {
        return errorStatus;
    }

    /** Status packets with the hardware alert bit (overload, overheating...; data still valid). */
    public long hardwareAlerts() {
        return hardwareAlerts;
    }

    /** Error field of the last status packet (see {@link DynamixelPacket#errorText}). */
    public int lastError() {
        return lastError;
    }
}
