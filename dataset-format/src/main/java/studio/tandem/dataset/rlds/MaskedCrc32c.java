package studio.tandem.dataset.rlds;

import java.util.zip.CRC32C;

/**
 * The masked CRC32C that TFRecord framing stores after the length and after the data:
 * {@code ((crc >>> 15) | (crc << 17)) + 0xa282ead8}, as TensorFlow's {@code crc32c::Mask}. Stateless
 * apart from a reusable checksum object; not thread-safe (one instance per writer or reader).
 */
final class MaskedCrc32c {
    private static final int MASK_DELTA = 0xa282ead8;
    private final CRC32C crc = new CRC32C();

    /** The masked CRC32C of {@code data[offset, offset + length)}, as an unsigned 32-bit value in an int. */
    int of(byte[] data, int offset, int length) {
        crc.reset();
        crc.update(data, offset, length);
        return mask((int) crc.getValue());
    }

    static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
    }
}
