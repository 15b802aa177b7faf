package studio.tandem.dataset.lerobot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.video.FfmpegTools;
import studio.tandem.dataset.video.VideoDecoder;
import studio.tandem.dataset.video.VideoEncoder;
import studio.tandem.dataset.video.VideoSettings;
import studio.tandem.dataset.video.synthetic.FrameBarcode;
import studio.tandem.dataset.video.synthetic.SyntheticFrames;

/**
 * The video path of the writer end to end: 2 cameras, 3 episodes written in two sessions (the
 * second appends), checked by the validator, FFmpeg's own ffprobe and a seek-and-decode of episode 2.
 * Frame i of episode e on camera c carries barcode {@code code(e, c, i)}.
 */
class VideoDatasetTest {
    private static final int W = 160;
    private static final int H = 120;
    private static final int FPS = 30;
    private static final String[] CAMS = {"observation.images.front", "observation.images.wrist"};
    private static final int[] LENGTHS = {23, 31, 17};

    @TempDir
    Path dir;
    private Path root;
    private final FeatureSet features = FeatureSet.of(VectorFeature.float32("observation.state", TestDatasets.JOINTS),
            VisualFeature.video(CAMS[0], W, H), VisualFeature.video(CAMS[1], W, H));

    @BeforeEach
    void writeThreeEpisodesInTwoSessions() throws Exception {
        root = dir.resolve("ds");
        try (LeRobotWriter w = LeRobotWriter.create(root, FPS, features, "test", new FfmpegVideoFiles())) {
            append(w, 0);
        }
        try (LeRobotWriter w = LeRobotWriter.open(root, new FfmpegVideoFiles())) {
            append(w, 1);
            append(w, 2);
        }
    }

    @Test
    void layoutFollowsLeRobotAndTheValidatorFindsNoProblem() throws Exception {
        LeRobotDataset ds = LeRobotDataset.open(root);
        for (String cam : CAMS) {
            assertThat(ds.episode(0).videos().get(cam)).isEqualTo(new VideoSpan(0, 0, 0.0, 23.0 / FPS));
            assertThat(ds.episode(1).videos().get(cam)).isEqualTo(new VideoSpan(0, 1, 0.0, 31.0 / FPS));
            VideoSpan s2 = ds.episode(2).videos().get(cam);
            assertThat(s2.fileIndex()).isEqualTo(1);
            assertThat(s2.fromTimestamp()).isCloseTo(31.0 / FPS, within(1e-9));
            assertThat(s2.toTimestamp()).isCloseTo(48.0 / FPS, within(1e-9));
            assertThat(root.resolve("videos/" + cam + "/chunk-000").toFile().list())
                    .containsExactlyInAnyOrder("file-000.mp4", "file-001.mp4");
        }
        assertThat(ds.info().features().videos().get(0).info()).containsEntry("video.codec", "mpeg4")
                .containsEntry("video.pix_fmt", "yuv420p").containsEntry("video.fps", FPS);
        assertThat(DatasetValidator.validate(root, new FfmpegVideoFiles())).isEmpty();
        try (var s = Files.list(root)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("meta", "data", "videos");
        }
    }

    @Test
    void everyFileIsReadableLikeAnyNewFileOfThisUser() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                root.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        var reference = Files.getPosixFilePermissions(Files.createFile(dir.resolve("reference")));
        try (var files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.getPosixFilePermissions(f)).as("permissions of " + root.relativize(f))
                        .isEqualTo(reference);
            }
        }
    }

    @Test
    void ffprobeSeesEveryFrameAtFromTimestampPlusIOverFps() throws Exception {
        LeRobotDataset ds = LeRobotDataset.open(root);
        for (String cam : CAMS) {
            for (int e = 0; e < LENGTHS.length; e++) {
                LeRobotDataset.VideoSegment seg = ds.video(cam, e);
                double[] pts = ffprobePts(seg.file());
                int first = (int) Math.round(seg.fromTimestamp() * FPS);
                for (int i = 0; i < LENGTHS[e]; i++) {
                    assertThat(pts[first + i]).as("%s episode %d frame %d", cam, e, i)
                            .isCloseTo(seg.fromTimestamp() + (double) i / FPS, within(1e-4));
                }
            }
        }
        assertThat(ffprobePts(ds.video(CAMS[0], 2).file())).hasSize(31 + 17);
        assertThat(ffprobePts(ds.video(CAMS[1], 0).file())).hasSize(23);
    }

    @Test
    void decodingEpisodeTwoAtATimestampSeeksToItsFrame() throws Exception {
        LeRobotDataset ds = LeRobotDataset.open(root);
        for (int c = 0; c < CAMS.length; c++) {
            LeRobotDataset.VideoSegment seg = ds.video(CAMS[c], 2);
            try (VideoDecoder dec = VideoDecoder.open(seg.file())) {
                ByteBuffer rgb = ByteBuffer.allocate(dec.frameBytes());
                for (int i : new int[] {11, 0, 16, 5}) {
                    double ts = dec.frameAt(seg.fromTimestamp() + (double) i / FPS, rgb);
                    assertThat(ts).isCloseTo(seg.fromTimestamp() + (double) i / FPS, within(1e-4));
                    assertThat(FrameBarcode.read(rgb, 0, W, H)).as("camera %d frame %d", c, i).hasValue(code(2, c, i));
                }
                assertThat(dec.framesDecoded()).as("seeks, not decode-from-start").isLessThan(31 + 17);
            }
        }
    }

    @Test
    void aDeletedVideoIsOneProblemNamingTheFile() throws Exception {
        Path mp4 = root.resolve("videos/" + CAMS[1] + "/chunk-000/file-001.mp4");
        Files.delete(mp4);

        List<String> problems = DatasetValidator.validate(root, new FfmpegVideoFiles());

        assertThat(problems).containsExactly(mp4 + ": video file is missing");
        assertThat(LeRobotDataset.open(root).missingVideoFiles()).containsExactly(mp4);
    }

    @Test
    void aVideoWithAWrongFrameCountIsOneProblemNamingTheFile() throws Exception {
        Path mp4 = root.resolve("videos/" + CAMS[0] + "/chunk-000/file-000.mp4");
        Path shorter = encode(dir.resolve("short.mp4"), 9, 0, 0, new ImageStatsSampler());
        Files.move(shorter, mp4, StandardCopyOption.REPLACE_EXISTING);

        List<String> problems = DatasetValidator.validate(root, new FfmpegVideoFiles());

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith(mp4 + ": episode 0 camera '" + CAMS[0] + "'")
                .contains("the file has 9");
    }

    private void append(LeRobotWriter w, int e) throws Exception {
        EpisodeBuffer buf = new EpisodeBuffer(features, LENGTHS[e]);
        float[] state = buf.floats("observation.state");
        for (int i = 0; i < state.length; i++) {
            state[i] = e * 100 + i * 0.25f;
        }
        buf.setTaskForAll("task " + e % 2);
        buf.setLength(LENGTHS[e]);
        Map<String, EpisodeVideo> videos = new LinkedHashMap<>();
        for (int c = 0; c < CAMS.length; c++) {
            ImageStatsSampler stats = new ImageStatsSampler();
            Path mp4 = encode(dir.resolve("staging-" + e + "-" + c + ".mp4"), LENGTHS[e], e, c, stats);
            videos.put(CAMS[c], new EpisodeVideo(mp4, stats.result()));
        }
        w.appendEpisode(buf, videos, EpisodeExtras.NONE);
        for (EpisodeVideo v : videos.values()) {
            assertThat(v.file()).as("the staged episode file is consumed").doesNotExist();
        }
    }

    private static long code(int e, int c, int i) {
        return e * 1000L + c * 100L + i;
    }

    private static Path encode(Path file, int frames, int e, int c, ImageStatsSampler stats) throws Exception {
        SyntheticFrames gen = new SyntheticFrames(W, H);
        try (VideoEncoder enc = VideoEncoder.open(file, W, H, FPS, VideoSettings.live())) {
            ByteBuffer in = enc.inputBuffer();
            for (int i = 0; i < frames; i++) {
                gen.render(i, code(e, c, i), in);
                stats.add(in, W, H);
                enc.encode(in, i * 1_000_000_000L / FPS);
            }
        }
        return file;
    }

    /** Every packet's pts in seconds as the bundled ffprobe reports them, ascending. */
    private static double[] ffprobePts(Path file) throws Exception {
        FfmpegTools.Result r = FfmpegTools.ffprobe(List.of("-v", "error", "-select_streams", "v:0", "-show_entries",
                "packet=pts_time", "-of", "json", file.toString()), Duration.ofSeconds(60));
        assertThat(r.exitCode()).as("ffprobe on %s: %s", file, r.stderr()).isZero();
        JsonNode packets = new ObjectMapper().readTree(r.stdout()).get("packets");
        double[] pts = new double[packets.size()];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = packets.get(i).get("pts_time").asDouble();
        }
        Arrays.sort(pts);
        return pts;
    }
}
