package studio.tandem.autonomy.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import studio.tandem.autonomy.policy.ImageFrame;
import studio.tandem.autonomy.policy.ImagePreprocessor;
import studio.tandem.autonomy.policy.PolicyManifest;
import studio.tandem.autonomy.policy.RuntimePredictor;
import studio.tandem.autonomy.policy.Tokenizer;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.lerobot.EpisodeFrames;
import studio.tandem.dataset.lerobot.EpisodeRecord;
import studio.tandem.dataset.lerobot.LeRobotDataset;
import studio.tandem.dataset.video.VideoDecoder;
import studio.tandem.dataset.video.VideoException;

/**
 * Policy demonstrations read from a LeRobot v3.0 dataset, columns found by the feature names in
 * {@code meta/info.json}: the wrist camera (decoded from its video with {@link VideoDecoder}), the
 * action features of the spec's blocks (hand, or arm and hand, side by side; the chunk of the next
 * {@code horizon} frames is the target, delta columns relative to the state), tactile, and the
 * frame's task as the instruction. A state feature ending in {@link RuntimePredictor#COMMAND_SUFFIX}
 * is the action of the previous frame (the first frame's own action at frame 0), as the
 * runtime feeds it; any other state feature is read from its column. Frames are kept only as the
 * pixels the resize reads ({@link ImagePreprocessor#compact}). Caller's thread.
 */
public final class DatasetDemonstrations {
    /** LeRobot's per-frame task column. */
    public static final String TASK_INDEX = "task_index";

    private DatasetDemonstrations() {
    }

    /**
     * The default hand policy's spec for {@code d}: joint names and tactile width from the declared
     * features, the vocabulary and instruction length from the dataset's tasks, the dataset's fps as
     * action rate.
     *
     * @throws IllegalArgumentException naming the dataset and the feature it lacks or declares wrongly
     */
    public static PolicySpec spec(LeRobotDataset d, int imageSize) {
        require(d, SimHandPolicy.CAMERA, VisualFeature.class, "hand policy");
        VectorFeature action = require(d, SimHandPolicy.ACTION, VectorFeature.class, "hand policy");
        VectorFeature tactile = require(d, SimHandPolicy.TACTILE, VectorFeature.class, "hand policy");
        if (d.tasks().isEmpty()) {
            throw new IllegalArgumentException(d.root() + ": meta/tasks.parquet lists no task (the instruction)");
        }
        int words = Math.max(1, Tokenizer.longest(d.tasks()));
        return SimHandPolicy.spec(action.names(), tactile.length(), Tokenizer.vocabularyOf(d.tasks()), d.info().fps(),
                imageSize, words);
    }

    /**
     * The arm+hand policy's spec for {@code d} ({@link SimArmHandPolicy}): arm and hand joint names from
     * {@code action.arm.joint_pos} and {@code action.hand.joint_pos}, tactile width, vocabulary and
     * instruction length from the tasks, the dataset's fps as action rate.
     *
     * @throws IllegalArgumentException naming the dataset and the feature it lacks or declares wrongly
     */
    public static PolicySpec armHandSpec(LeRobotDataset d, int imageSize) {
        require(d, SimArmHandPolicy.CAMERA, VisualFeature.class, "arm+hand policy");
        VectorFeature arm = require(d, SimArmHandPolicy.ARM_ACTION, VectorFeature.class, "arm+hand policy");
        VectorFeature hand = require(d, SimArmHandPolicy.HAND_ACTION, VectorFeature.class, "arm+hand policy");
        VectorFeature tactile = require(d, SimArmHandPolicy.TACTILE, VectorFeature.class, "arm+hand policy");
        if (d.tasks().isEmpty()) {
            throw new IllegalArgumentException(d.root() + ": meta/tasks.parquet lists no task (the instruction)");
        }
        int words = Math.max(1, Tokenizer.longest(d.tasks()));
        return SimArmHandPolicy.spec(arm.names(), hand.names(), tactile.length(), Tokenizer.vocabularyOf(d.tasks()),
                d.info().fps(), imageSize, words);
    }

    private static <F extends Feature> F require(LeRobotDataset d, String name, Class<F> kind, String policy) {
        Feature f = d.info().features().get(name).orElseThrow(() -> new IllegalArgumentException(d.root()
                + ": meta/info.json has no feature '" + name + "' (the " + policy + " needs it)"));
        if (!kind.isInstance(f)) {
            throw new IllegalArgumentException(d.root() + ": meta/info.json: feature '" + name + "' is "
                    + f.getClass().getSimpleName() + ", the " + policy + " needs a " + kind.getSimpleName());
        }
        return kind.cast(f);
    }

    /**
     * Every frame of every episode as a {@link DemoStep}.
     *
     * @param onEpisode told the position of each finished episode (progress)
     * @throws IOException naming the file when a table or video cannot be read or lacks frames
     */
    public static List<DemoStep> load(LeRobotDataset d, PolicySpec spec, IntConsumer onEpisode) throws IOException {
        ImagePreprocessor pre = new ImagePreprocessor(spec.camera());
        List<DemoStep> out = new ArrayList<>();
        List<EpisodeRecord> episodes = d.episodes();
        for (int e = 0; e < episodes.size(); e++) {
            episode(d, spec, pre, episodes.get(e).episodeIndex(), out);
            onEpisode.accept(e);
        }
        return out;
    }

    private static void episode(LeRobotDataset d, PolicySpec spec, ImagePreprocessor pre, long ep, List<DemoStep> out)
            throws IOException {
        EpisodeFrames f = d.readEpisode(ep);
        int n = f.length();
        int dof = spec.actionNames().size();
        int tac = spec.shape().tactileDim();
        double[] action = actions(d, spec, f);
        double[] tactile = f.doubles(spec.tactileFeature());
        boolean command = spec.stateFeature().endsWith(RuntimePredictor.COMMAND_SUFFIX);
        double[] state = command ? null : f.doubles(requireColumn(d, spec.stateFeature()));
        boolean[] delta = spec.deltaColumns();
        long[] task = f.longs(TASK_INDEX);
        List<ImageFrame> frames = frames(d, spec.cameraFeature(), ep, f.timestamps(), pre);
        int horizon = spec.shape().horizon();
        for (int k = 0; k < n; k++) {
            double[] s = command ? slice(action, Math.max(0, k - 1), dof) : slice(state, k, dof);
            double[] chunk = new double[horizon * dof];
            for (int i = 0; i < horizon; i++) {
                int row = Math.min(k + i, n - 1) * dof;
                for (int j = 0; j < dof; j++) {
                    chunk[i * dof + j] = action[row + j] - (delta[j] ? s[j] : 0);
                }
            }
            String text = d.tasks().get((int) task[k]);
            out.add(new DemoStep(frames.get(k), s, slice(tactile, k, tac), text, chunk));
        }
    }

    /** Every frame's action columns of the spec's blocks side by side (frames × dof, row-major). */
    private static double[] actions(LeRobotDataset d, PolicySpec spec, EpisodeFrames f) {
        List<PolicyManifest.ActionBlock> blocks = spec.blocks();
        if (blocks.size() == 1) {
            return f.doubles(requireColumn(d, blocks.get(0).feature()));
        }
        int dof = spec.actionNames().size();
        double[] out = new double[f.length() * dof];
        int col = 0;
        for (PolicyManifest.ActionBlock b : blocks) {
            double[] v = f.doubles(requireColumn(d, b.feature()));
            for (int k = 0; k < f.length(); k++) {
                System.arraycopy(v, k * b.length(), out, k * dof + col, b.length());
            }
            col += b.length();
        }
        return out;
    }

    private static String requireColumn(LeRobotDataset d, String name) {
        if (!d.info().features().contains(name)) {
            throw new IllegalArgumentException(d.root() + ": meta/info.json has no feature '" + name
                    + "' (a column the policy reads)");
        }
        return name;
    }

    private static double[] slice(double[] flat, int row, int width) {
        double[] out = new double[width];
        System.arraycopy(flat, row * width, out, 0, width);
        return out;
    }

    /** The episode's frames of {@code camera} at the rows' timestamps, compacted. */
    private static List<ImageFrame> frames(LeRobotDataset d, String camera, long ep, float[] timestamps,
            ImagePreprocessor pre) throws IOException {
        LeRobotDataset.VideoSegment seg = d.video(camera, ep);
        if (!seg.exists()) {
            throw new IOException(seg.file() + ": missing (video of '" + camera + "', episode " + ep + ")");
        }
        List<ImageFrame> out = new ArrayList<>(timestamps.length);
        try (VideoDecoder dec = VideoDecoder.open(seg.file())) {
            ByteBuffer rgb = ByteBuffer.allocateDirect(dec.frameBytes());
            ImageFrame full = new ImageFrame(dec.width(), dec.height());
            for (float t : timestamps) {
                dec.frameAt(seg.fromTimestamp() + t, rgb);
                rgb.get(0, full.rgb());
                ImageFrame small = new ImageFrame(1, 1);
                pre.compact(full, small);
                out.add(small);
            }
        } catch (VideoException e) {
            throw new IOException(seg.file() + ": episode " + ep + " of '" + camera + "': " + e.getMessage(), e);
        }
        return out;
    }
}
