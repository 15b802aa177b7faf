package studio.tandem.autonomy.train;

import ai.onnx.proto.OnnxMl;
import java.util.Map;
import java.util.Set;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;
import org.tribuo.util.onnx.ONNXOperators;

/** The ONNX operators the hand policy needs that Tribuo's {@link ONNXOperators} does not list (opset 13). */
enum ExtraOnnxOps implements ONNXOperator {
    FLATTEN("Flatten", 1, Map.of("axis", new ONNXAttribute("axis", OnnxMl.AttributeProto.AttributeType.INT, false))),
    TANH("Tanh", 1, Map.of()),
    RESHAPE("Reshape", 2, Map.of());

    private final String opName;
    private final int inputs;
    private final Map<String, ONNXAttribute> attributes;

    ExtraOnnxOps(String opName, int inputs, Map<String, ONNXAttribute> attributes) {
        this.opName = opName;
        this.inputs = inputs;
        this.attributes = attributes;
    }

    @Override
    public String getOpName() {
        return opName;
    }

    @Override
    public int getNumInputs() {
        return inputs;
    }

    @Override
    public int getNumOptionalInputs() {
        return 0;
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public Map<String, ONNXAttribute> getAttributes() {
        return attributes;
    }

    @Override
    public Set<String> getMandatoryAttributeNames() {
        return Set.of();
    }

    @Override
    public int getOpVersion() {
        return ONNXOperators.getOpsetVersion();
    }

    @Override
    public String getOpDomain() {
        return ONNXOperators.getOpsetProto().getDomain();
    }
}
