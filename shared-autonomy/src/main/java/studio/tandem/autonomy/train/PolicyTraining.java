package studio.tandem.autonomy.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import studio.tandem.autonomy.policy.FeatureStats;
import studio.tandem.autonomy.policy.ManifestJson;
import studio.tandem.autonomy.policy.PolicyManifest;

/**
 * Demonstrations → statistics → samples → trained {@link HandPolicyNet} → {@code policy.onnx} plus
 * {@code policy.json} (the manifest) beside it.
 */
public final class PolicyTraining {

    /** What a training run produced. */
    public record Result(Path model, Path manifest, double[] epochLosses, int samples, int parameters,
            HandPolicyNet net) {
    }

    private PolicyTraining() {
    }

    /** The manifest path that belongs to a model path: {@code x.onnx} → {@code x.json}. */
    public static Path manifestFor(Path model) {
        String name = model.getFileName().toString();
        String base = name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
        return model.resolveSibling(base + ".json");
    }

    public static Result train(List<DemoStep> steps, PolicySpec spec, Trainer.Config cfg, Path outModel,
            IntConsumer onEpoch) throws IOException {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("training: the dataset has no usable frames");
        }
        NetShape s = spec.shape();
        FeatureStats state = FeatureStats.of(steps.stream().map(DemoStep::handState).toArray(double[][]::new));
        FeatureStats tactile = s.tactileDim() == 0 ? FeatureStats.identity(0)
                : FeatureStats.of(steps.stream().map(DemoStep::tactile).toArray(double[][]::new));
        FeatureStats action = FeatureStats.of(actionRows(steps, s.actionDim()));
        SampleEncoder enc = new SampleEncoder(spec, state, tactile, action);
        List<TrainingSample> samples = new ArrayList<>(steps.size());
        for (DemoStep st : steps) {
            samples.add(enc.encode(st.frame(), st.handState(), st.tactile(), st.instruction(), st.chunk()));
        }
        HandPolicyNet net = new HandPolicyNet(s, cfg.seed());
        double[] losses = Trainer.fit(net, samples, cfg, onEpoch);
        OnnxExporter.export(net, outModel);
        Map<String, FeatureStats> stats = new LinkedHashMap<>();
        stats.put(spec.stateFeature(), state);
        if (spec.tactileFeature() != null && s.tactileDim() > 0) {
            stats.put(spec.tactileFeature(), tactile);
        }
        stats.put(spec.actionFeature(), action);
        PolicyManifest m = spec.manifest(outModel.getFileName().toString(), stats);
        Path manifest = manifestFor(outModel);
        ManifestJson.write(m, manifest);
        return new Result(outModel, manifest, losses, samples.size(), s.parameterCount(), net);
    }

    private static double[][] actionRows(List<DemoStep> steps, int dim) {
        List<double[]> rows = new ArrayList<>();
        for (DemoStep st : steps) {
            for (int i = 0; i + dim <= st.chunk().length; i += dim) {
                rows.add(java.util.Arrays.copyOfRange(st.chunk(), i, i + dim));
            }
        }
        return rows.toArray(double[][]::new);
    }
}
