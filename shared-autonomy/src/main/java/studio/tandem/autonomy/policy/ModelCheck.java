package studio.tandem.autonomy.policy;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Checks a loaded model against its manifest; every mismatch names the tensor and both shapes. */
final class ModelCheck {
    private ModelCheck() {
    }

    static void check(String model, OrtSession session, PolicyManifest m) throws OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        Set<String> declared = new HashSet<>();
        for (ManifestInput in : m.inputs()) {
            declared.add(in.tensor());
            OnnxJavaType type = in instanceof ManifestInput.Tokens ? OnnxJavaType.INT64 : OnnxJavaType.FLOAT;
            tensor(model, "input", in.tensor(), inputs, in.shape(), type);
        }
        for (String name : inputs.keySet()) {
            if (!declared.contains(name)) {
                throw new IllegalArgumentException("policy " + model + ": model input '" + name + "' "
                        + shape(inputs.get(name)) + " is not declared in the manifest");
            }
        }
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        tensor(model, "output", m.action().tensor(), outputs, m.action().shape(), OnnxJavaType.FLOAT);
        if (m.failureTensor() != null) {
            tensor(model, "output", m.failureTensor(), outputs, new long[] {1, 1}, OnnxJavaType.FLOAT);
        }
    }

    private static void tensor(String model, String kind, String name, Map<String, NodeInfo> infos, long[] expected,
            OnnxJavaType type) {
        NodeInfo info = infos.get(name);
        if (info == null) {
            throw new IllegalArgumentException("policy " + model + ": manifest " + kind + " '" + name
                    + "' is not in the model; its " + kind + "s are " + infos.keySet());
        }
        if (!(info.getInfo() instanceof TensorInfo t)) {
            throw new IllegalArgumentException("policy " + model + ": " + kind + " '" + name + "' is not a tensor");
        }
        if (t.type != type) {
            throw new IllegalArgumentException("policy " + model + ": " + kind + " '" + name + "' is " + t.type
                    + " but the manifest needs " + type);
        }
        if (!compatible(t.getShape(), expected)) {
            throw new IllegalArgumentException("policy " + model + ": " + kind + " '" + name + "' has shape "
                    + Arrays.toString(t.getShape()) + " but the manifest declares " + Arrays.toString(expected));
        }
    }

    private static boolean compatible(long[] actual, long[] expected) {
        if (actual.length != expected.length) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] >= 0 && actual[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String shape(NodeInfo n) {
        return n.getInfo() instanceof TensorInfo t ? Arrays.toString(t.getShape()) : "";
    }
}
