package studio.tandem.autonomy.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import studio.tandem.autonomy.policy.FeatureStats;
import studio.tandem.autonomy.policy.ManifestInput;
import studio.tandem.autonomy.policy.OnnxNames;
import studio.tandem.autonomy.policy.PolicyManifest;

/**
 * What a trained policy reads and writes, in dataset terms: which features feed it, the
 * instruction vocabulary, the action names, the joint groups its actions drive and the rates.
 * Together with the statistics it becomes the manifest written beside the model.
 *
 * @param cameraFeature wrist camera feature, e.g. {@code observation.images.wrist}
 * @param stateFeature the joints the policy reads, the same groups its actions drive (e.g.
 *     {@code observation.hand.command}: the hand's previous command)
 * @param tactileFeature tactile feature, or null when the hand has none
 * @param actionFeature the feature whose statistics de-normalise the output ({@code action.hand.joint_pos},
 *     or {@code action} for an arm+hand policy)
 * @param actionNames one name per action column
 * @param vocabulary token vocabulary starting with {@code <pad>}, {@code <unk>}
 * @param blocks the output's columns per joint group (arm before hand), with their dataset features
 */
public record PolicySpec(String cameraFeature, String stateFeature, String tactileFeature, String actionFeature,
        List<String> actionNames, List<String> vocabulary, NetShape shape, double inferenceHz, double actionFps,
        List<PolicyManifest.ActionBlock> blocks) {

    public PolicySpec {
        actionNames = List.copyOf(actionNames);
        vocabulary = List.copyOf(vocabulary);
        blocks = List.copyOf(blocks);
        int total = blocks.stream().mapToInt(PolicyManifest.ActionBlock::length).sum();
        if (total != actionNames.size() || total != shape.actionDim() || total != shape.stateDim()) {
            throw new IllegalArgumentException("policy spec: blocks cover " + total + " columns, names "
                    + actionNames.size() + ", network actions " + shape.actionDim() + ", state " + shape.stateDim());
        }
    }

    /** A hand policy: absolute hand-joint targets under {@code actionFeature}. */
    public PolicySpec(String cameraFeature, String stateFeature, String tactileFeature, String actionFeature,
            List<String> actionNames, List<String> vocabulary, NetShape shape, double inferenceHz, double actionFps) {
        this(cameraFeature, stateFeature, tactileFeature, actionFeature, actionNames, vocabulary, shape, inferenceHz,
                actionFps, List.of(new PolicyManifest.ActionBlock("hand", actionFeature, actionNames.size(),
                        PolicyManifest.Representation.ABSOLUTE)));
    }

    /** The joint groups driven, e.g. {@code hand} or {@code arm+hand}. */
    public String group() {
        StringBuilder g = new StringBuilder();
        for (PolicyManifest.ActionBlock b : blocks) {
            g.append(g.length() == 0 ? "" : "+").append(b.group());
        }
        return g.toString();
    }

    /** Per action column: whether it is a delta on the previous command (the state's same column). */
    public boolean[] deltaColumns() {
        boolean[] out = new boolean[actionNames.size()];
        int col = 0;
        for (PolicyManifest.ActionBlock b : blocks) {
            for (int j = 0; j < b.length(); j++) {
                out[col++] = b.representation() == PolicyManifest.Representation.DELTA;
            }
        }
        return out;
    }

    public static final double[] IMAGE_MEAN = {0.5, 0.5, 0.5};
    public static final double[] IMAGE_STD = {0.25, 0.25, 0.25};

    public ManifestInput.Camera camera() {
        return new ManifestInput.Camera(OnnxNames.IMAGE, cameraFeature, shape.imageWidth(), shape.imageHeight(), null,
                IMAGE_MEAN, IMAGE_STD);
    }

    /** The manifest of a model exported as {@code modelFile} with these statistics. */
    public PolicyManifest manifest(String modelFile, Map<String, FeatureStats> stats) {
        List<ManifestInput> inputs = new ArrayList<>();
        inputs.add(camera());
        inputs.add(new ManifestInput.Vector(OnnxNames.STATE, stateFeature, shape.stateDim()));
        if (tactileFeature != null && shape.tactileDim() > 0) {
            inputs.add(new ManifestInput.Vector(OnnxNames.TACTILE, tactileFeature, shape.tactileDim()));
        }
        inputs.add(new ManifestInput.Tokens(OnnxNames.TOKENS, vocabulary, shape.maxTokens()));
        return new PolicyManifest(modelFile, inferenceHz, actionFps, inputs,
                new PolicyManifest.ActionOutput(OnnxNames.ACTION, actionFeature, group(), shape.horizon(), actionNames,
                        blocks),
                null, stats);
    }
}
