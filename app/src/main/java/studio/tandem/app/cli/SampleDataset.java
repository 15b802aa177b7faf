package studio.tandem.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
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

/** Writes a small synthetic dataset: moving cameras, sinusoidal joints, two tasks. Calling thread only. */
final class SampleDataset {
    static final List<String> JOINTS = List.of("shoulder_pan.pos", "shoulder_lift.pos", "elbow_flex.pos",
            "wrist_flex.pos", "wrist_roll.pos", "gripper.pos");
    static final String[] CAMERAS = {"observation.images.front", "observation.images.wrist"};
    static final String[] TASKS = {"pick up the red cube", "place the cube in the bowl"};

    private SampleDataset() {
    }

    static FeatureSet features(int width, int height) {
        return FeatureSet.of(VectorFeature.float32("observation.state", JOINTS),
                VectorFeature.float32("action", JOINTS),
                VectorFeature.scalar("intervention", DType.BOOL),
                VisualFeature.video(CAMERAS[0], width, height),
                VisualFeature.video(CAMERAS[1], width, height));
    }

    static void write(Path out, int episodes, int frames, int width, int height, PrintWriter progress)
            throws IOException {
        FeatureSet fs = features(width, height);
        try (LeRobotWriter w = LeRobotWriter.create(out, 30, fs, "tandem_sim", new FfmpegVideoFiles())) {
            EpisodeBuffer buf = new EpisodeBuffer(fs, frames);
            for (int e = 0; e < episodes; e++) {
                buf.clear();
                fill(buf, e, frames);
                Map<String, EpisodeVideo> videos = new LinkedHashMap<>();
                for (int c = 0; c < CAMERAS.length; c++) {
                    Path mp4 = out.resolve(".staging-ep" + e + "-cam" + c + ".mp4");
                    videos.put(CAMERAS[c], encode(mp4, e * 7 + c * 3, frames, width, height));
                }
                w.appendEpisode(buf, videos, new EpisodeExtras(e != 1, "sample", "synthetic episode",
                        Map.of(), List.of(new EpisodeEvent(1.0, "intervention_start", ""),
                                new EpisodeEvent(frames / 60.0, "correction", TASKS[1]))));
                progress.printf("episode %d/%d saved (%d frames, %d cameras)%n", e + 1, episodes, frames,
                        CAMERAS.length);
                progress.flush();
            }
        }
    }

    private static void fill(EpisodeBuffer buf, int e, int frames) {
        float[] state = buf.floats("observation.state");
        float[] action = buf.floats("action");
        boolean[] iv = buf.bools("intervention");
        int pick = buf.taskId(TASKS[0]);
        int place = buf.taskId(TASKS[1]);
        for (int i = 0; i < frames; i++) {
            for (int j = 0; j < JOINTS.size(); j++) {
                double t = i / 30.0;
                state[i * 6 + j] = (float) (20 * Math.sin(t * (0.5 + 0.1 * j) + e));
                action[i * 6 + j] = (float) (20 * Math.sin((t + 0.1) * (0.5 + 0.1 * j) + e));
            }
            iv[i] = i >= 30 && i < 45;
            buf.setTask(i, i < frames / 2 ? pick : place);
        }
        buf.setLength(frames);
    }

    private static EpisodeVideo encode(Path mp4, long seed, int frames, int width, int height) throws IOException {
        SyntheticFrames gen = new SyntheticFrames(width, height);
        ImageStatsSampler stats = new ImageStatsSampler();
        int[] sample = ImageStatsSampler.sampleIndices(frames);
        int next = 0;
        try (VideoEncoder enc = VideoEncoder.open(mp4, width, height, 30, VideoSettings.live())) {
            ByteBuffer in = enc.inputBuffer();
            for (int i = 0; i < frames; i++) {
                gen.render(i + seed * 13, i, in);
                while (next < sample.length && sample[next] == i) {
                    stats.add(in, width, height);
                    next++;
                }
                enc.encode(in, i);
            }
        }
        return new EpisodeVideo(mp4, stats.result());
    }
}
