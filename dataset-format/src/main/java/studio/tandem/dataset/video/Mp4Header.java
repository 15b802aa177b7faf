package studio.tandem.dataset.video;

import java.nio.ByteBuffer;

/**
 * Reads and patches the time fields of {@code mvhd}, {@code tkhd}, {@code mdhd} and {@code elst}
 * payloads (version 0: 32-bit, version 1: 64-bit fields). Stateless.
 */
final class Mp4Header {

    private Mp4Header() {
    }

    private static boolean v1(Mp4Box b) {
        return b.payload[0] == 1;
    }

    /** Time scale (units per second) of an {@code mvhd} or {@code mdhd}. */
    static long timescale(Mp4Box b) {
        ByteBuffer p = ByteBuffer.wrap(b.payload);
        return Integer.toUnsignedLong(p.getInt(v1(b) ? 20 : 12));
    }

    /** Sets the duration of an {@code mvhd}, {@code mdhd} (offset after time scale) or {@code tkhd}. */
    static void setDuration(Mp4Box b, long duration) {
        ByteBuffer p = ByteBuffer.wrap(b.payload);
        boolean tkhd = b.type.equals("tkhd");
        if (v1(b)) {
            p.putLong(tkhd ? 28 : 24, duration);
        } else {
            p.putInt(tkhd ? 20 : 16, (int) duration);
        }
    }

    /** True if an {@code elst} has one entry that starts at media time 0 at normal rate. */
    static boolean isPlainEditList(Mp4Box elst) {
        ByteBuffer p = ByteBuffer.wrap(elst.payload);
        if (p.getInt(4) != 1) {
            return false;
        }
        long mediaTime = v1(elst) ? p.getLong(16) : p.getInt(12);
        return mediaTime == 0;
    }

    /** Sets the segment duration of a single-entry {@code elst}. */
    static void setEditDuration(Mp4Box elst, long duration) {
        ByteBuffer p = ByteBuffer.wrap(elst.payload);
        if (v1(elst)) {
            p.putLong(8, duration);
        } else {
            p.putInt(8, (int) duration);
        }
    }

    /**
     * A copy of an {@code stsd} payload with the bitrate statistics zeroed ({@code btrt} box and the
     * buffer size / max / average bitrate of an {@code esds} decoder config), which differ between
     * episodes encoded with the same settings and do not matter to decoders.
     */
    static byte[] withoutBitrates(byte[] stsd) {
        byte[] c = stsd.clone();
        int i = indexOf(c, "btrt", 0);
        if (i >= 0 && i + 16 <= c.length) {
            java.util.Arrays.fill(c, i + 4, i + 16, (byte) 0);
        }
        i = indexOf(c, "esds", 0);
        if (i >= 0) {
            zeroDecoderConfigRates(c, i + 8);
        }
        return c;
    }

    /** Zeroes bufferSizeDB, maxBitrate and avgBitrate of the DecoderConfigDescriptor in an esds. */
    private static void zeroDecoderConfigRates(byte[] c, int p) {
        if (p >= c.length || c[p] != 0x03) {
            return;
        }
        p = skipLength(c, p + 1);
        int flags = c[p + 2] & 0xFF;
        p += 3;
        if ((flags & 0x80) != 0) {
            p += 2;
        }
        if ((flags & 0x40) != 0) {
            p += 1 + (c[p] & 0xFF);
        }
        if ((flags & 0x20) != 0) {
            p += 2;
        }
        if (p < c.length && c[p] == 0x04) {
            p = skipLength(c, p + 1) + 2;
            if (p + 11 <= c.length) {
                java.util.Arrays.fill(c, p, p + 11, (byte) 0);
            }
        }
    }

    /** Skips an MPEG-4 descriptor length (1-4 bytes, high bit = more). */
    private static int skipLength(byte[] c, int p) {
        for (int k = 0; k < 4 && p < c.length; k++) {
            if ((c[p++] & 0x80) == 0) {
                break;
            }
        }
        return p;
    }

    private static int indexOf(byte[] c, String fourCc, int from) {
        byte[] t = fourCc.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i + 4 <= c.length; i++) {
            for (int k = 0; k < 4; k++) {
                if (c[i + k] != t[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
