package studio.tandem.autonomy.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import studio.tandem.autonomy.policy.FeatureStats;
import studio.tandem.autonomy.policy.ManifestInput;
import studio.tandem.autonomy.policy.OnnxNames;
import studio.tandem.autonomy.policy.PolicyManifest;

/**
 * What a trained hand policy reads and writes, in dataset terms: which features feed it, the
 * instruction vocabulary, the action names and rates. Together with the statistics it becomes
 * the manifest written beside the model.
 *
 * @param cameraFeature wrist camera feature, e.g. {@code observation.images.wrist}
 * @param stateFeature hand joint positions, e.g. {@code observation.state.hand}
 * @param tactileFeature tactile feature, or null when the hand has none
 * @param actionFeature the hand action feature, e.g. {@code action.hand}
 * @param actionNames one name per hand joint
 * @param vocabulary token vocabulary starting with {@code <pad>}, {@code <unk>}
 */
public record PolicySpec(String cameraFeature, String stateFeature, String tactileFeature, String actionFeature,
        List<String> actionNames, List<String> vocabulary, NetShape shape, double inferenceHz, double actionFps) {

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
                new PolicyManifest.ActionOutput(OnnxNames.ACTION, actionFeature, "hand", shape.horizon(), actionNames),
                null, stats);
    }
}
