package studio.tandem.app.sample;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.tandem.dataset.feature.DType;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.lerobot.EpisodeBuffer;
import studio.tandem.dataset.lerobot.EpisodeEvent;
import studio.tandem.dataset.lerobot.EpisodeExtras;
import studio.tandem.dataset.lerobot.EpisodeVideo;
import studio.tandem.dataset.lerobot.FfmpegVideoFiles;
import studio.tandem.dataset.lerobot.ImageStatsSampler;
import studio.tandem.dataset.lerobot.LeRobotWriter;
import studio.tandem.dataset.video.VideoEncoder;
import studio.tandem.dataset.video.VideoSettings;
import studio.tandem.dataset.video.synthetic.SyntheticFrames;

/**
 * Writes a small, complete LeRobot v3.0 dataset with every kind of content the studio shows: arm
 * and gripper state and action, fingertip tactile, an intervention column, intervention and
 * language-correction events, success labels, dropped-frame counts and two cameras whose frames
 * carry their frame index as a barcode ({@link studio.tandem.dataset.video.synthetic.FrameBarcode}),
 * so synchronisation can be checked by reading pixels. Calling thread: any; blocks on I/O.
 */
public final class SampleDatasetWriter {
    public static final List<String> JOINTS = List.of("shoulder_pan", "shoulder_lift", "elbow", "wrist_1", "wrist_2",
            "wrist_3", "gripper");
    public static final List<String> FINGERTIPS = List.of("thumb", "index", "middle", "ring");
    public static final List<String> CAMERAS = List.of("observation.images.wrist", "observation.images.scene");
    public static final int FPS = 30;

    private final int width;
    private final int height;

    /** Cameras of {@code width × height} pixels (even, at least 64 × 80). */
    public SampleDatasetWriter(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** The dataset's features. */
    public FeatureSet features() {
        List<studio.tandem.dataset.feature.Feature> f = new ArrayList<>();
        f.add(VectorFeature.float32("observation.state", JOINTS));
        f.add(VectorFeature.float32("action", JOINTS));
        f.add(VectorFeature.float32("observation.tactile", FINGERTIPS));
        f.add(VectorFeature.scalar("intervention", DType.BOOL));
        for (String c : CAMERAS) {
            f.add(VisualFeature.video(c, width, height));
        }
        return FeatureSet.of(f);
    }

    /**
     * Writes {@code episodes} episodes of {@code frames} frames each at {@code root} (which must not
     * hold a dataset).
     */
    public void write(Path root, int episodes, int frames) throws IOException {
        FeatureSet features = features();
        Path staging = Files.createTempDirectory("tandem-sample");
        try (LeRobotWriter w = LeRobotWriter.create(root, FPS, features, "ur5e_tandem_hand", new FfmpegVideoFiles())) {
            for (int e = 0; e < episodes; e++) {
                EpisodeBuffer buf = table(features, e, frames);
                Map<String, EpisodeVideo> videos = new LinkedHashMap<>();
                for (int c = 0; c < CAMERAS.size(); c++) {
                    videos.put(CAMERAS.get(c), video(staging.resolve("ep" + e + "-" + c + ".mp4"), c, frames));
                }
                w.appendEpisode(buf, videos, extras(e, frames));
            }
        } finally {
            try (var s = Files.list(staging)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(staging);
        }
    }

    private static EpisodeBuffer table(FeatureSet features, int episode, int n) {
        EpisodeBuffer b = new EpisodeBuffer(features, n);
        float[] state = b.floats("observation.state");
        float[] action = b.floats("action");
        float[] tactile = b.floats("observation.tactile");
        boolean[] iv = b.bools("intervention");
        int ivFrom = n / 3;
        int ivTo = n / 2;
        for (int i = 0; i < n; i++) {
            double t = i / (double) FPS;
            for (int j = 0; j < JOINTS.size(); j++) {
                double v = j == JOINTS.size() - 1 ? 0.5 + 0.5 * Math.tanh((i - n * 0.6) / 6.0)
                        : 0.6 * Math.sin(0.8 * t + j * 0.7 + episode) + 0.1 * j;
                state[i * JOINTS.size() + j] = (float) v;
                action[i * JOINTS.size() + j] = (float) (v + 0.05 * Math.cos(3 * t + j));
            }
            double grip = state[i * JOINTS.size() + JOINTS.size() - 1];
            for (int k = 0; k < FINGERTIPS.size(); k++) {
                tactile[i * FINGERTIPS.size() + k] = (float) Math.max(0, grip * (2.0 + k * 0.4) - 0.9
                        + 0.1 * Math.sin(7 * t + k));
            }
            iv[i] = episode % 2 == 1 && i >= ivFrom && i < ivTo;
        }
        String task = episode % 3 == 2 ? "put the cube in the bowl" : "pick up the red cube";
        b.setTaskForAll(task);
        if (episode % 2 == 1) {
            int corrected = b.taskId("move left, then grasp");
            for (int i = ivTo; i < n; i++) {
                b.setTask(i, corrected);
            }
        }
        b.setLength(n);
        return b;
    }

    private static EpisodeExtras extras(int episode, int n) {
        List<EpisodeEvent> events = new ArrayList<>();
        if (episode % 2 == 1) {
            events.add(new EpisodeEvent(n / 3 / (double) FPS, "intervention_start", "arm"));
            events.add(new EpisodeEvent(n / 2 / (double) FPS, "intervention_end", ""));
            events.add(new EpisodeEvent(n / 2 / (double) FPS, "language_correction", "move left, then grasp"));
        }
        Boolean success = episode % 3 == 0 ? Boolean.TRUE : episode % 3 == 1 ? Boolean.FALSE : null;
        return new EpisodeExtras(success, "sample", "", Map.of(CAMERAS.get(0), (long) (episode % 3 == 1 ? 2 : 0)),
                events);
    }

    private EpisodeVideo video(Path file, int camera, int frames) throws IOException {
        SyntheticFrames synth = new SyntheticFrames(width, height);
        ByteBuffer rgb = ByteBuffer.allocateDirect(synth.frameBytes());
        ImageStatsSampler stats = new ImageStatsSampler();
        int[] sampled = ImageStatsSampler.sampleIndices(frames);
        int next = 0;
        try (VideoEncoder enc = VideoEncoder.open(file, width, height, FPS, VideoSettings.live())) {
            for (int i = 0; i < frames; i++) {
                synth.render(i + camera * 37L, i, rgb);
                enc.encode(rgb, i * 1_000_000_000L / FPS);
                while (next < sampled.length && sampled[next] == i) {
                    stats.add(rgb, width, height);
                    next++;
                }
            }
        }
        return new EpisodeVideo(file, stats.result());
    }
}
