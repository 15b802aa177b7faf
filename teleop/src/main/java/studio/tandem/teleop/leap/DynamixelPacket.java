package studio.tandem.teleop.leap;

/**
 * Dynamixel Protocol 2.0 framing: {@code FF FF FD 00 | ID | LEN_L LEN_H | INST | PARAMS… | CRC_L CRC_H},
 * where LEN counts INST, PARAMS (after byte stuffing) and the CRC; the CRC-16 (polynomial 0x8005, initial 0,
 * not reflected) covers everything from the header to the last parameter. Byte stuffing inserts
 * {@code FD} after every {@code FF FF FD} inside INST..PARAMS so a header never appears in a payload.
 * Static, allocation-free; any thread.
 */
public final class DynamixelPacket {
    public static final int BROADCAST_ID = 0xFE;
    public static final int PING = 0x01;
    public static final int READ = 0x02;
    public static final int WRITE = 0x03;
    public static final int STATUS = 0x55;
    public static final int SYNC_READ = 0x82;
    public static final int SYNC_WRITE = 0x83;
    /** Header + ID + LEN + INST, before the parameters. */
    public static final int PREFIX = 8;

    private static final int[] CRC_TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 8;
            for (int b = 0; b < 8; b++) {
                c = (c & 0x8000) != 0 ? (c << 1) ^ 0x8005 : c << 1;
            }
            CRC_TABLE[i] = c & 0xFFFF;
        }
    }

    private DynamixelPacket() {
    }

    /** CRC-16 of {@code len} bytes of {@code b} from {@code off}. */
    public static int crc(byte[] b, int off, int len) {
        int crc = 0;
        for (int i = off; i < off + len; i++) {
            int idx = ((crc >>> 8) ^ b[i]) & 0xFF;
            crc = ((crc << 8) ^ CRC_TABLE[idx]) & 0xFFFF;
        }
        return crc;
    }

    /**
     * Writes an instruction packet for {@code id} into {@code out} and returns its length.
     *
     * @param params parameters (unstuffed), {@code pLen} bytes from {@code pOff}
     * @param out large enough for the worst case: {@code 10 + pLen * 4 / 3 + 1}
     */
    public static int encode(int id, int instruction, byte[] params, int pOff, int pLen, byte[] out) {
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFF;
        out[2] = (byte) 0xFD;
        out[3] = 0;
        out[4] = (byte) id;
        int w = 7;
        out[w++] = (byte) instruction;
        for (int i = 0; i < pLen; i++) {
            out[w++] = params[pOff + i];
            if (w - 3 >= 7 && out[w - 1] == (byte) 0xFD && out[w - 2] == (byte) 0xFF && out[w - 3] == (byte) 0xFF) {
                out[w++] = (byte) 0xFD;
            }
        }
        int length = w - 7 + 2;
        out[5] = (byte) length;
        out[6] = (byte) (length >>> 8);
        int crc = crc(out, 0, w);
        out[w++] = (byte) crc;
        out[w++] = (byte) (crc >>> 8);
        return w;
    }

    /**
     * Removes byte stuffing in place from {@code b[off..off+len)} (an INST..PARAMS region) and returns the new
     * length.
     */
    public static int unstuff(byte[] b, int off, int len) {
        int w = off;
        for (int r = off; r < off + len; r++) {
            b[w++] = b[r];
            if (w - off >= 3 && b[w - 1] == (byte) 0xFD && b[w - 2] == (byte) 0xFF && b[w - 3] == (byte) 0xFF
                    && r + 1 < off + len && b[r + 1] == (byte) 0xFD) {
                r++;
            }
        }
        return w - off;
    }

    /** Little-endian unsigned 16-bit value at {@code off}. */
    public static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    /** Little-endian signed 32-bit value at {@code off}. */
    public static int i32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | b[off + 3] << 24;
    }

    /** Writes {@code v} little-endian in {@code n} bytes at {@code off}. */
    public static void put(byte[] b, int off, int n, int v) {
        for (int i = 0; i < n; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    /** Text for a status error field (bits 0–6; bit 7 is the hardware alert). */
    public static String errorText(int error) {
        String base = switch (error & 0x7F) {
            case 0 -> "ok";
            case 1 -> "result fail";
            case 2 -> "instruction error";
            case 3 -> "CRC error";
            case 4 -> "data range error";
            case 5 -> "data length error";
            case 6 -> "data limit error";
            case 7 -> "access error";
            default -> "error " + (error & 0x7F);
        };
        return (error & 0x80) != 0 ? base + " + hardware alert" : base;
    }
}
