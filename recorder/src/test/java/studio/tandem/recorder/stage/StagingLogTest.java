package studio.tandem.recorder.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingLogTest {
    @TempDir
    Path dir;

    private Path writeSamples(int count) throws IOException {
        Path f = dir.resolve("v.log");
        try (StagingLog log = new StagingLog(StagingOutput.appendTo(f), 256, 1_000_000_000L, 0)) {
            log.writeText((byte) 'H', "{\"hello\":1}");
            for (int i = 0; i < count; i++) {
                ByteBuffer b = log.begin((byte) 'V', 16);
                b.putLong(i).putDouble(i * 0.5);
                log.end();
            }
        }
        return f;
    }

    private static List<Long> readTimes(Path f) throws IOException {
        List<Long> out = new ArrayList<>();
        new StagingLogReader(f).readAll((type, p) -> {
            if (type == 'V') {
                long t = p.getLong();
                assertThat(p.getDouble()).isEqualTo(t * 0.5);
                out.add(t);
            } else {
                byte[] b = new byte[p.remaining()];
                p.get(b);
                assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("{\"hello\":1}");
            }
        });
        return out;
    }

    @Test
    void roundTripsRecordsAcrossBufferFlushes() throws IOException {
        Path f = writeSamples(100);
        assertThat(readTimes(f)).hasSize(100).startsWith(0L, 1L).endsWith(99L);
        StagingLogReader r = new StagingLogReader(f);
        assertThat(r.readAll((t, p) -> { })).isEqualTo(101);
        assertThat(r.damagedTail()).isFalse();
    }

    @Test
    void truncatedLogYieldsEveryRecordBeforeTheCut() throws IOException {
        Path f = writeSamples(50);
        byte[] all = Files.readAllBytes(f);
        int header = 8 + 9 + 11;
        int rec = 9 + 16;
        for (int cut : new int[] {header, header + 1, header + 10 * rec, header + 10 * rec + 7, all.length - 1}) {
            Path g = dir.resolve("cut" + cut);
            Files.write(g, Arrays.copyOf(all, cut));
            int expected = (cut - header) / rec;
            assertThat(readTimes(g)).as("cut at %d", cut).hasSize(expected);
            StagingLogReader r = new StagingLogReader(g);
            r.readAll((t, p) -> { });
            assertThat(r.damagedTail()).isEqualTo((cut - header) % rec != 0);
        }
    }

    @Test
    void corruptRecordStopsTheReader() throws IOException {
        Path f = writeSamples(20);
        byte[] all = Files.readAllBytes(f);
        int header = 8 + 9 + 11;
        all[header + 5 * 25 + 12] ^= 0x40; // inside record 5's payload
        Files.write(f, all);
        assertThat(readTimes(f)).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void rejectsForeignFilesAndOversizedRecords() throws IOException {
        Path f = dir.resolve("x");
        Files.writeString(f, "not a staging log at all");
        assertThatThrownBy(() -> new StagingLogReader(f)).hasMessageContaining("not a Tandem staging log");
        try (StagingLog log = new StagingLog(StagingOutput.appendTo(dir.resolve("y")), 64, 1, 0)) {
            assertThatThrownBy(() -> log.begin((byte) 'V', 100)).hasMessageContaining("exceeds");
        }
    }

    @Test
    void maybeSyncHonoursTheInterval() throws IOException {
        int[] syncs = {0};
        List<Integer> writes = new ArrayList<>();
        StagingOutput out = new StagingOutput() {
            @Override
            public void write(ByteBuffer src) {
                writes.add(src.remaining());
                src.position(src.limit());
            }

            @Override
            public void sync() {
                syncs[0]++;
            }

            @Override
            public void close() {
            }
        };
        StagingLog log = new StagingLog(out, 1024, 1_000, 0);
        log.writeText((byte) 'E', "x");
        assertThat(log.maybeSync(999)).isFalse();
        assertThat(syncs[0]).isZero();
        assertThat(log.maybeSync(1000)).isTrue();
        assertThat(syncs[0]).isEqualTo(1);
        assertThat(writes).containsExactly(8, 9 + 1);
        assertThat(log.bytesWritten()).isEqualTo(18);
    }
}
