package studio.tandem.dataset.rlds;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.example.Example;
import org.tensorflow.example.Feature;
import studio.tandem.dataset.feature.DType;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.lerobot.EpisodeBuffer;
import studio.tandem.dataset.lerobot.EpisodeExtras;
import studio.tandem.dataset.lerobot.EpisodeVideo;
import studio.tandem.dataset.lerobot.FfmpegVideoFiles;
import studio.tandem.dataset.lerobot.ImageStatsSampler;
import studio.tandem.dataset.lerobot.LeRobotWriter;
import studio.tandem.dataset.time.ManualClock;
import studio.tandem.dataset.video.VideoEncoder;
import studio.tandem.dataset.video.VideoSettings;
import studio.tandem.dataset.video.synthetic.FrameBarcode;
import studio.tandem.dataset.video.synthetic.SyntheticFrames;

/**
 * End to end: a LeRobot v3.0 dataset written by our writer, with real MP4 cameras holding several
 * episodes per file, exported to RLDS and read back with TensorFlow's generated classes. Each
 * frame carries (episode, frame) in a barcode, so a frame taken from the wrong place in a shared
 * MP4 is caught.
 */
class RldsFromLeRobotTest {
    private static final int W = 160;
    private static final int H = 120;
    private static final int[] LENGTHS = {25, 31, 17};
    private static final String CAM = "observation.images.front";

    @TempDir
    Path tmp;

    @Test
    void exportsEveryStepOfEveryEpisodeFromTheRightVideoFrame() throws IOException {
        Path ds = writeDataset(tmp.resolve("demos"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ExportSummary summary;
        try (LeRobotEpisodeSource src = LeRobotEpisodeSource.open(ds)) {
            summary = new RldsExporter(RldsExportOptions.named("demos"), new ManualClock(0), pool)
                    .export(src, tmp.resolve("out"), (done, total, steps) -> { });
        } finally {
            pool.shutdown();
        }
        assertThat(summary.episodes()).isEqualTo(3);
        assertThat(summary.steps()).isEqualTo(25 + 31 + 17);

        RldsDirectoryReader rlds = new RldsDirectoryReader(tmp.resolve("out/demos/1.0.0"));
        assertThat(rlds.episodes).hasSize(3);
        for (int e = 0; e < 3; e++) {
            Example ex = rlds.episodes.get(e);
            Map<String, Feature> f = RldsDirectoryReader.map(ex);
            int n = LENGTHS[e];
            assertThat(RldsDirectoryReader.steps(ex)).isEqualTo(n);
            List<Long> first = f.get("steps/is_first").getInt64List().getValueList();
            List<Long> last = f.get("steps/is_last").getInt64List().getValueList();
            assertThat(first.get(0)).isEqualTo(1L);
            assertThat(first.subList(1, n)).containsOnly(0L);
            assertThat(last.get(n - 1)).isEqualTo(1L);
            assertThat(last.subList(0, n - 1)).containsOnly(0L);
            assertThat(f.get("steps/language_instruction").getBytesList().getValue(0).toStringUtf8())
                    .isEqualTo("task " + (e % 2));
            // state element 0 encodes (episode, frame)
            List<Float> state = f.get("steps/observation/state").getFloatList().getValueList();
            for (int i = 0; i < n; i++) {
                assertThat(state.get(i * 2)).isEqualTo(e * 1000f + i);
            }
            for (int i : new int[] {0, n / 2, n - 1}) {
                byte[] jpeg = f.get("steps/observation/front").getBytesList().getValue(i).toByteArray();
                assertThat(barcode(jpeg)).as("episode %d step %d", e, i).hasValue(e * 1000L + i);
            }
        }
    }

    private static OptionalLong barcode(byte[] jpeg) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(img.getWidth()).isEqualTo(W);
        assertThat(img.getHeight()).isEqualTo(H);
        ByteBuffer rgb = ByteBuffer.allocateDirect(W * H * 3);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int p = img.getRGB(x, y);
                rgb.put((byte) (p >> 16)).put((byte) (p >> 8)).put((byte) p);
            }
        }
        rgb.flip();
        return FrameBarcode.read(rgb, 0, W, H);
    }

    private static Path writeDataset(Path root) throws IOException {
        FeatureSet fs = FeatureSet.of(VectorFeature.float32("observation.state", List.of("a", "b")),
                VectorFeature.float32("action", List.of("a", "b")),
                VectorFeature.scalar("intervention", DType.BOOL),
                VisualFeature.video(CAM, W, H));
        try (LeRobotWriter w = LeRobotWriter.create(root, 30, fs, "test", new FfmpegVideoFiles())) {
            for (int e = 0; e < LENGTHS.length; e++) {
                int n = LENGTHS[e];
                EpisodeBuffer b = new EpisodeBuffer(fs, n);
                float[] s = b.floats("observation.state");
                float[] a = b.floats("action");
                for (int i = 0; i < n; i++) {
                    s[i * 2] = e * 1000f + i;
                    a[i * 2] = -i;
                }
                b.setTaskForAll("task " + (e % 2));
                b.setLength(n);
                Map<String, EpisodeVideo> videos = new LinkedHashMap<>();
                videos.put(CAM, encode(root.resolve("staged-" + e + ".mp4"), e, n));
                w.appendEpisode(b, videos, new EpisodeExtras(true, "t", "", Map.of(), List.of()));
            }
        }
        return root;
    }

    private static EpisodeVideo encode(Path mp4, int episode, int n) throws IOException {
        SyntheticFrames gen = new SyntheticFrames(W, H);
        ImageStatsSampler stats = new ImageStatsSampler();
        try (VideoEncoder enc = VideoEncoder.open(mp4, W, H, 30, VideoSettings.live())) {
            ByteBuffer in = enc.inputBuffer();
            for (int i = 0; i < n; i++) {
                gen.render(i, episode * 1000L + i, in);
                stats.add(in, W, H);
                enc.encode(in, i);
            }
        }
        return new EpisodeVideo(mp4, stats.result());
    }
}
