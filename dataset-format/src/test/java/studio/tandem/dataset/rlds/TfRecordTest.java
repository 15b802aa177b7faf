package studio.tandem.dataset.rlds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class TfRecordTest {

    private static byte[] framed(byte[]... records) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (TfRecordWriter w = new TfRecordWriter(bos)) {
            for (byte[] r : records) {
                w.write(r);
            }
            assertThat(w.records()).isEqualTo(records.length);
        }
        return bos.toByteArray();
    }

    private static List<byte[]> readAll(byte[] file) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (TfRecordReader r = new TfRecordReader(new ByteArrayInputStream(file), "f.tfrecord")) {
            for (byte[] rec = r.next(); rec != null; rec = r.next()) {
                out.add(rec);
            }
        }
        return out;
    }

    @Test
    void framingIsLengthCrcDataCrcLittleEndian() throws IOException {
        byte[] data = "123456789".getBytes(StandardCharsets.US_ASCII);
        byte[] file = framed(data);
        assertThat(file).hasSize(9 + 16);
        assertThat(TfRecordReader.getLongLe(file, 0)).isEqualTo(9);
        // CRC32C("123456789") is the standard check value 0xE3069283
        CRC32C c = new CRC32C();
        c.update(data);
        assertThat((int) c.getValue()).isEqualTo(0xE3069283);
        int masked = ((0xE3069283 >>> 15) | (0xE3069283 << 17)) + 0xa282ead8;
        assertThat(TfRecordReader.getIntLe(file, 8 + 4 + 9)).isEqualTo(masked);
        assertThat(MaskedCrc32c.mask(0xE3069283)).isEqualTo(masked);
    }

    @Test
    void roundTripsRecordsIncludingEmptyOne() throws IOException {
        byte[] a = new byte[70_000];
        for (int i = 0; i < a.length; i++) {
            a[i] = (byte) (i * 31);
        }
        List<byte[]> back = readAll(framed(a, new byte[0], "x".getBytes(StandardCharsets.UTF_8)));
        assertThat(back).hasSize(3);
        assertThat(back.get(0)).isEqualTo(a);
        assertThat(back.get(1)).isEmpty();
        assertThat(new String(back.get(2), StandardCharsets.UTF_8)).isEqualTo("x");
    }

    @Test
    void everyFlippedByteIsDetected() throws IOException {
        byte[] file = framed("abc".getBytes(StandardCharsets.UTF_8), "defg".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < file.length; i++) {
            byte[] bad = file.clone();
            bad[i] ^= 0x10;
            assertThatThrownBy(() -> readAll(bad)).as("byte %d", i).isInstanceOf(CorruptRecordException.class)
                    .hasMessageStartingWith("f.tfrecord: record ");
        }
    }

    @Test
    void truncationIsDetectedWithRecordAndOffset() throws IOException {
        byte[] file = framed("abc".getBytes(StandardCharsets.UTF_8), "defg".getBytes(StandardCharsets.UTF_8));
        byte[] cut = java.util.Arrays.copyOf(file, file.length - 1);
        assertThatThrownBy(() -> readAll(cut)).isInstanceOf(CorruptRecordException.class)
                .hasMessage("f.tfrecord: record 1 at byte 19: truncated record data");
        byte[] header = java.util.Arrays.copyOf(file, 19 + 5);
        assertThatThrownBy(() -> readAll(header)).hasMessageContaining("truncated record header");
    }
}
