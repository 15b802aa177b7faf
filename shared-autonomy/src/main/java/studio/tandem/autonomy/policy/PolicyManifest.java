package studio.tandem.autonomy.policy;

import java.util.List;
import java.util.Map;
import studio.tandem.autonomy.arbitration.JointGroup;

/**
 * The JSON beside a policy's {@code .onnx}: what the model reads, what it writes and how fast.
 *
 * @param model file name of the ONNX model, relative to the manifest
 * @param inferenceHz how often the policy thread runs the model
 * @param actionFps time step of the actions within a chunk (actions per second)
 * @param inputs every model input
 * @param action the action chunk output, [1, horizon, names.size()]
 * @param failureTensor name of a declared failure-score output ([1, 1]), or null
 * @param stats normalisation statistics per feature (LeRobot {@code stats.json} layout)
 * @param failureThreshold failure score above which the operator is called, calibrated from data
 *     (e.g. the 99th percentile of the score over successful episodes); NaN when not calibrated
 */
public record PolicyManifest(String model, double inferenceHz, double actionFps, List<ManifestInput> inputs,
        ActionOutput action, String failureTensor, Map<String, FeatureStats> stats, double failureThreshold) {

    public static final String FORMAT = "tandem-policy/1";

    /**
     * The action chunk output: one tensor [1, horizon, names.size()] whose columns are split into
     * {@link ActionBlock}s, one per joint group, in loop order (arm before hand).
     *
     * @param tensor ONNX output name
     * @param feature feature whose statistics de-normalise the whole output (e.g. {@code action.hand.joint_pos}
     *     for a hand policy, {@code action} for an arm+hand one)
     * @param group joint groups driven: {@code hand}, {@code arm} or {@code arm+hand}
     * @param horizon actions per chunk
     * @param names one name per action dimension
     * @param blocks the output's columns per joint group, in order; their lengths add up to {@code names.size()}
     */
    public record ActionOutput(String tensor, String feature, String group, int horizon, List<String> names,
            List<ActionBlock> blocks) {
        public ActionOutput {
            names = List.copyOf(names);
            blocks = List.copyOf(blocks);
        }

        /** A single-group output of absolute joint targets (the hand-only format). */
        public ActionOutput(String tensor, String feature, String group, int horizon, List<String> names) {
            this(tensor, feature, group, horizon, names,
                    List.of(new ActionBlock(group, feature, names.size(), Representation.ABSOLUTE)));
        }

        public long[] shape() {
            return new long[] {1, horizon, names.size()};
        }

        public int dim() {
            return names.size();
        }

        /** Whether some block of the output drives {@code g}. */
        public boolean drives(JointGroup g) {
            return block(g) != null;
        }

        /** The block that drives {@code g}, or null. */
        public ActionBlock block(JointGroup g) {
            for (ActionBlock b : blocks) {
                if (b.jointGroup() == g) {
                    return b;
                }
            }
            return null;
        }
    }

    /** How a block's values become joint targets. */
    public enum Representation {
        /** Joint targets (rad). */
        ABSOLUTE,
        /**
         * Offsets (rad) added to the group's command executed on the tick before the observation the
         * chunk was predicted from (post-processing on the policy thread).
         */
        DELTA;

        /** The manifest spelling: {@code absolute} or {@code delta}. */
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Consecutive columns of the action output that drive one joint group.
     *
     * @param group {@code arm} or {@code hand}
     * @param feature the dataset feature these actions are (e.g. {@code action.arm.joint_pos})
     * @param length columns (= the group's joints)
     * @param representation absolute targets or deltas on the previous command
     */
    public record ActionBlock(String group, String feature, int length, Representation representation) {
        /** The joint group this block drives. */
        public JointGroup jointGroup() {
            return JointGroup.valueOf(group.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public PolicyManifest {
        inputs = List.copyOf(inputs);
        stats = Map.copyOf(stats);
    }

    /** A manifest without a calibrated failure threshold. */
    public PolicyManifest(String model, double inferenceHz, double actionFps, List<ManifestInput> inputs,
            ActionOutput action, String failureTensor, Map<String, FeatureStats> stats) {
        this(model, inferenceHz, actionFps, inputs, action, failureTensor, stats, Double.NaN);
    }

    /** This manifest with {@code threshold} as its calibrated failure threshold. */
    public PolicyManifest withFailureThreshold(double threshold) {
        return new PolicyManifest(model, inferenceHz, actionFps, inputs, action, failureTensor, stats, threshold);
    }

    /** Stats of {@code feature}, or identity when the manifest has none. */
    public FeatureStats statsFor(String feature, int length) {
        FeatureStats s = stats.get(feature);
        if (s == null) {
            return FeatureStats.identity(length);
        }
        if (s.length() != length) {
            throw new IllegalArgumentException("manifest stats." + feature + ": " + s.length()
                    + " values for a feature of length " + length);
        }
        return s;
    }
}
