package studio.tandem.dataset.rlds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.tandem.dataset.time.ManualClock;

/** The LeRobot source on real LeRobot v3.0 output (shared fixture; skipped where it is absent). */
class LeRobotEpisodeSourceTest {
    @TempDir
    Path tmp;

    private Path fixture;

    @BeforeEach
    void locateFixture() {
        String prop = System.getProperty("tandem.fixtures");
        Path base = prop != null ? Paths.get(prop) : Paths.get("..", "..", "shared", "fixtures");
        fixture = base.resolve("lerobot-v3-so101");
        Assumptions.assumeTrue(Files.isDirectory(fixture.resolve("meta")), "fixture absent: " + fixture);
    }

    @Test
    void readsEpisodesOfARealLeRobotDataset() throws IOException {
        try (LeRobotEpisodeSource src = LeRobotEpisodeSource.open(fixture)) {
            assertThat(src.episodeCount()).isEqualTo(4);
            assertThat(src.state().length()).isEqualTo(6);
            assertThat(src.action().length()).isEqualTo(6);
            assertThat(src.cameras()).extracting(c -> c.name())
                    .containsExactly("observation.images.front", "observation.images.top");
            assertThat(src.extras()).isEmpty();
            long frames = 0;
            for (int i = 0; i < 4; i++) {
                try (SourceEpisode ep = src.episode(i)) {
                    assertThat(ep.episodeIndex()).isEqualTo(i);
                    assertThat(ep.filePath()).isEqualTo("data/chunk-000/file-000.parquet#episode=" + i);
                    double[] state = ep.numbers(src.state());
                    assertThat(state).hasSize(ep.length() * 6);
                    assertThat(Stream.of(state).flatMapToDouble(java.util.Arrays::stream).anyMatch(v -> v != 0)).isTrue();
                    List<String> tasks = ep.instructions();
                    assertThat(tasks).hasSize(ep.length()).allMatch(t -> !t.isBlank());
                    frames += ep.length();
                }
            }
            assertThat(frames).isEqualTo(1492);
        }
    }

    @Test
    void missingVideoIsOneClearErrorAndNothingIsWritten() throws IOException {
        try (LeRobotEpisodeSource src = LeRobotEpisodeSource.open(fixture)) {
            assertThatThrownBy(() -> new RldsExporter(RldsExportOptions.named("so101"), new ManualClock(0), Runnable::run)
                    .export(src, tmp, ExportProgress.NONE))
                    .isInstanceOf(IOException.class)
                    .hasMessage("videos/observation.images.front/chunk-000/file-000.mp4: video of camera "
                            + "'observation.images.front' is missing");
        }
        assertThat(tmp.resolve("so101")).doesNotExist();
    }

    @Test
    void truncatedParquetIsAClearError() throws IOException {
        Path copy = tmp.resolve("copy");
        try (Stream<Path> s = Files.walk(fixture)) {
            for (Path p : s.toList()) {
                Path t = copy.resolve(fixture.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        Path data = copy.resolve("data/chunk-000/file-000.parquet");
        byte[] b = Files.readAllBytes(data);
        Files.write(data, java.util.Arrays.copyOf(b, b.length / 2));
        try (LeRobotEpisodeSource src = LeRobotEpisodeSource.open(copy)) {
            assertThatThrownBy(() -> new RldsExporter(RldsExportOptions.named("t"), new ManualClock(0), Runnable::run)
                    .export(src, tmp.resolve("out"), ExportProgress.NONE))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("file-000.parquet");
        }
        assertThat(tmp.resolve("out/t")).doesNotExist();
    }

    @Test
    void aDirectoryWithoutInfoJsonIsRejected() {
        assertThatThrownBy(() -> LeRobotEpisodeSource.open(tmp))
                .hasMessage(tmp.resolve("meta/info.json") + ": missing; not a LeRobot v3.0 dataset");
    }
}
