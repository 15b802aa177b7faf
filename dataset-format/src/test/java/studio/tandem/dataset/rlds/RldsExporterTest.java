package studio.tandem.dataset.rlds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.example.Example;
import org.tensorflow.example.Feature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.time.ManualClock;

class RldsExporterTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @TempDir
    Path out;

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    private ExportSummary export(EpisodeSource src, RldsExportOptions opt) throws IOException {
        return new RldsExporter(opt, new ManualClock(0), POOL).export(src, out, ExportProgress.NONE);
    }

    @Test
    void exportsEveryEpisodeWithFlagsValuesAndImages() throws IOException {
        List<int[]> progress = new ArrayList<>();
        ExportSummary s = new RldsExporter(RldsExportOptions.named("synthetic_demo"), new ManualClock(0), Runnable::run)
                .export(SyntheticSource.standard(), out, (d, t, st) -> progress.add(new int[] {d, t, (int) st}));
        Path dir = out.resolve("synthetic_demo/1.0.0");
        assertThat(s.directory()).isEqualTo(dir);
        assertThat(s.episodes()).isEqualTo(3);
        assertThat(s.steps()).isEqualTo(15);
        assertThat(s.shards()).isEqualTo(1);
        assertThat(progress).hasSize(3);
        assertThat(progress.get(2)).containsExactly(3, 3, 15);

        RldsDirectoryReader r = new RldsDirectoryReader(dir);
        assertThat(r.episodes).hasSize(3);
        assertThat(s.bytes()).isEqualTo(Files.size(dir.resolve("synthetic_demo-train.tfrecord-00000-of-00001")));
        checkEpisode(r.episodes.get(0), 0, 5, true);
        checkEpisode(r.episodes.get(1), 1, 1, true);
        checkEpisode(r.episodes.get(2), 2, 9, false);
        assertThat(Files.list(out.resolve("synthetic_demo")).toList()).containsExactly(dir);
    }

    private static void checkEpisode(Example e, int ep, int n, boolean terminal) throws IOException {
        Map<String, Feature> m = RldsDirectoryReader.map(e);
        assertThat(RldsDirectoryReader.steps(e)).isEqualTo(n);
        List<Long> first = m.get("steps/is_first").getInt64List().getValueList();
        List<Long> last = m.get("steps/is_last").getInt64List().getValueList();
        List<Long> term = m.get("steps/is_terminal").getInt64List().getValueList();
        List<Float> reward = m.get("steps/reward").getFloatList().getValueList();
        for (int i = 0; i < n; i++) {
            assertThat(first.get(i)).isEqualTo(i == 0 ? 1L : 0L);
            assertThat(last.get(i)).isEqualTo(i == n - 1 ? 1L : 0L);
            assertThat(term.get(i)).isEqualTo(i == n - 1 && terminal ? 1L : 0L);
            assertThat(reward.get(i)).isEqualTo(i == n - 1 && terminal ? 1f : 0f);
            assertThat(m.get("steps/discount").getFloatList().getValue(i)).isEqualTo(1f);
            assertThat(m.get("steps/intervention").getInt64List().getValue(i)).isEqualTo(i % 2);
            assertThat(m.get("steps/authority_arm").getInt64List().getValue(i)).isEqualTo(i % 3);
            for (int d = 0; d < SyntheticSource.STATE_DIM; d++) {
                float st = m.get("steps/observation/state").getFloatList().getValue(i * SyntheticSource.STATE_DIM + d);
                assertThat(st).isEqualTo((float) SyntheticSource.stateValue(ep, i, d));
            }
            float a = m.get("steps/action").getFloatList().getValue(i * SyntheticSource.ACTION_DIM + 3);
            assertThat(a).isEqualTo((float) -SyntheticSource.stateValue(ep, i, 3));
            String instr = m.get("steps/language_instruction").getBytesList().getValue(i).toStringUtf8();
            assertThat(instr).isEqualTo(i < n / 2 ? "pick up the cube" : "more to the left, ü");
        }
        assertThat(m.get("steps/language_correction").getBytesList().getValue(n / 2).toStringUtf8())
                .isEqualTo("more to the left, ü");
        assertThat(m.get("episode_metadata/file_path").getBytesList().getValue(0).toStringUtf8()).endsWith("=" + ep);
        assertThat(m.get("episode_metadata/episode_index").getInt64List().getValue(0)).isEqualTo(ep);
        BufferedImage front = ImageIO.read(new ByteArrayInputStream(
                m.get("steps/observation/front").getBytesList().getValue(n - 1).toByteArray()));
        assertThat(front.getWidth()).isEqualTo(64);
        assertThat(front.getHeight()).isEqualTo(48);
        int rgb = front.getRGB(32, 24);
        assertThat((rgb >> 16) & 0xFF).isCloseTo(SyntheticSource.colour(n - 1).getRed(), org.assertj.core.data.Offset.offset(6));
    }

    @Test
    void resizesEveryCameraAndDeclaresTheSize() throws IOException {
        RldsExportOptions opt = new RldsExportOptions("small", ImageSize.parse("20x10"), 0.8f, 1L << 30);
        export(SyntheticSource.standard(), opt);
        RldsDirectoryReader r = new RldsDirectoryReader(out.resolve("small/1.0.0"));
        var obs = r.features.at("/featuresDict/features/steps/sequence/feature/featuresDict/features/observation"
                + "/featuresDict/features");
        assertThat(obs.at("/wrist/image/shape/dimensions").toString()).isEqualTo("[\"10\",\"20\",\"3\"]");
        assertThat(obs.at("/wrist/image/encodingFormat").asText()).isEqualTo("jpeg");
        for (Example e : r.episodes) {
            for (String cam : List.of("front", "wrist")) {
                for (var jpeg : RldsDirectoryReader.map(e).get("steps/observation/" + cam).getBytesList().getValueList()) {
                    BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg.toByteArray()));
                    assertThat(img.getWidth()).isEqualTo(20);
                    assertThat(img.getHeight()).isEqualTo(10);
                }
            }
        }
    }

    @Test
    void splitsIntoShardsBySize() throws IOException {
        int[] lengths = new int[12];
        Boolean[] success = new Boolean[12];
        java.util.Arrays.fill(lengths, 4);
        SyntheticSource src = new SyntheticSource(lengths, success,
                List.of(VisualFeature.video("observation.images.front", 32, 32)), -1);
        long episodeBytes;
        try (EpisodeEncoder enc = new EpisodeEncoder(RldsLayout.of(src, null), 0.95f, Runnable::run)) {
            episodeBytes = TfRecordWriter.framedSize(enc.encode(src.episode(0)).length);
        }
        ExportSummary s = export(src, new RldsExportOptions("sharded", null, 0.95f, episodeBytes * 5 / 2));
        assertThat(s.shards()).isEqualTo(6);
        RldsDirectoryReader r = new RldsDirectoryReader(out.resolve("sharded/1.0.0"));
        assertThat(r.info.at("/splits/0/shardLengths").toString()).isEqualTo("[\"2\",\"2\",\"2\",\"2\",\"2\",\"2\"]");
        assertThat(r.episodes).hasSize(12);
        for (int i = 0; i < 12; i++) {
            assertThat(RldsDirectoryReader.map(r.episodes.get(i)).get("episode_metadata/episode_index")
                    .getInt64List().getValue(0)).as("episode order").isEqualTo(i);
        }
    }

    @Test
    void corruptSourceLeavesNothingBehind() {
        SyntheticSource src = new SyntheticSource(new int[] {3, 4, 5}, new Boolean[3],
                List.of(VisualFeature.video("observation.images.front", 16, 16)), 2);
        assertThatThrownBy(() -> export(src, RldsExportOptions.named("broken")))
                .isInstanceOf(IOException.class)
                .hasMessage("data/chunk-000/file-000.parquet#episode=2: episode 2: camera 'observation.images.front'"
                        + " has 4 frames, expected 5");
        assertThat(out.resolve("broken")).doesNotExist();
    }

    @Test
    void refusesToOverwriteAnExistingExport() throws IOException {
        Files.createDirectories(out.resolve("taken/1.0.0"));
        Files.writeString(out.resolve("taken/1.0.0/keep.txt"), "mine");
        assertThatThrownBy(() -> export(SyntheticSource.standard(), RldsExportOptions.named("taken")))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("taken/1.0.0: already exists");
        assertThat(Files.readString(out.resolve("taken/1.0.0/keep.txt"))).isEqualTo("mine");
        try (var s = Files.list(out.resolve("taken"))) {
            assertThat(s.count()).isEqualTo(1);
        }
    }

    @Test
    void validatesOptions() {
        assertThatThrownBy(() -> RldsExportOptions.named("Bad-Name")).hasMessageStartingWith("--name: 'Bad-Name'");
        assertThatThrownBy(() -> ImageSize.parse("256")).hasMessageContaining("expected WxH");
        assertThatThrownBy(() -> ImageSize.parse("0x5")).hasMessageContaining("between 1x1");
        assertThat(ImageSize.parse("256X128")).isEqualTo(new ImageSize(256, 128));
        assertThat(RldsExportOptions.defaultName("My-Data.v3")).isEqualTo("my_data_v3");
        assertThat(RldsExportOptions.defaultName("3d")).isEqualTo("d_3d");
    }
}
