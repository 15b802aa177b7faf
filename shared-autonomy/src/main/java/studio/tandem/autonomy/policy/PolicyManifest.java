package studio.tandem.autonomy.policy;

import java.util.List;
import java.util.Map;

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
     * @param tensor ONNX output name
     * @param feature dataset feature the actions belong to (e.g. {@code action.hand})
     * @param group joint group driven: {@code hand} or {@code arm}
     * @param horizon actions per chunk
     * @param names one name per action dimension
     */
    public record ActionOutput(String tensor, String feature, String group, int horizon, List<String> names) {
        public long[] shape() {
            return new long[] {1, horizon, names.size()};
        }

        public int dim() {
            return names.size();
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
