package studio.tandem.autonomy.train;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;
import studio.tandem.autonomy.policy.OnnxNames;

/**
 * Writes a {@link HandPolicyNet} as an ONNX model (opset 13) with Tribuo's ONNX graph builder:
 * inputs {@code image} [1,3,H,W], {@code state} [1,S], {@code tactile} [1,T] (when T &gt; 0),
 * {@code tokens} int64 [1,L]; output {@code action} [1,horizon,actionDim] (normalised).
 */
public final class OnnxExporter {
    private static final String IMAGE = OnnxNames.IMAGE;
    private static final String STATE = OnnxNames.STATE;
    private static final String TACTILE = OnnxNames.TACTILE;
    private static final String TOKENS = OnnxNames.TOKENS;
    private static final String ACTION = OnnxNames.ACTION;

    private OnnxExporter() {
    }

    /** Writes the model atomically to {@code file}. */
    public static void export(HandPolicyNet net, Path file) throws IOException {
        OnnxMl.ModelProto model = build(net);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            model.writeTo(out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static OnnxMl.ModelProto build(HandPolicyNet net) {
        NetShape s = net.shape();
        double[] p = net.parameters();
        ONNXContext ctx = new ONNXContext();
        ctx.setName("tandem_hand_policy");
        ONNXPlaceholder image = ctx.floatInput(IMAGE, s.imageSize());
        ONNXPlaceholder state = ctx.floatInput(STATE, s.stateDim());
        ONNXPlaceholder tactile = s.tactileDim() > 0 ? ctx.floatInput(TACTILE, s.tactileDim()) : null;
        ONNXPlaceholder tokens = ctx.floatInput(TOKENS, s.maxTokens());
        ONNXPlaceholder action = ctx.floatOutput(ACTION, s.outputDim());

        ONNXNode flat = ctx.operation(ExtraOnnxOps.FLATTEN, List.of(image), "image_flat", Map.of("axis", 1));
        ONNXInitializer emb = weights(ctx, "embedding", p, 0, s.vocabulary(), s.embedDim());
        ONNXNode gathered = ctx.operation(ONNXOperators.GATHER, List.of(emb, tokens), "token_embeddings",
                Map.of("axis", 0));
        ONNXNode bag = ctx.operation(ONNXOperators.REDUCE_SUM,
                List.of(gathered, ctx.array("bag_axes", new long[] {1})), "instruction", Map.of("keepdims", 0));
        List<ONNXRef<?>> parts = new ArrayList<>(List.of(flat, state));
        if (tactile != null) {
            parts.add(tactile);
        }
        parts.add(bag);
        ONNXNode x = ctx.operation(ONNXOperators.CONCAT, parts, "features", Map.of("axis", 1));
        ONNXNode h1 = layer(ctx, x, p, s.w1Offset(), s.b1Offset(), s.inputDim(), s.hidden(), "l1", true);
        ONNXNode h2 = layer(ctx, h1, p, s.w2Offset(), s.b2Offset(), s.hidden(), s.hidden(), "l2", true);
        ONNXNode y = layer(ctx, h2, p, s.w3Offset(), s.b3Offset(), s.hidden(), s.outputDim(), "l3", false);
        ONNXNode chunk = ctx.operation(ExtraOnnxOps.RESHAPE,
                List.of(y, ctx.array("chunk_shape", new long[] {-1, s.horizon(), s.actionDim()})), "chunk");
        chunk.assignTo(action);

        OnnxMl.GraphProto graph = fixShapes(ctx.buildGraph(), s);
        return OnnxMl.ModelProto.newBuilder().setIrVersion(8).setProducerName("tandem-studio")
                .setProducerVersion("0.1").setDocString("Tandem Studio default hand policy")
                .addOpsetImport(ONNXOperators.getOpsetProto()).setGraph(graph).build();
    }

    private static ONNXNode layer(ONNXContext ctx, ONNXRef<?> in, double[] p, int w, int b, int nIn, int nOut,
            String name, boolean tanh) {
        ONNXInitializer weight = weights(ctx, name + "_w", p, w, nIn, nOut);
        ONNXInitializer bias = weights(ctx, name + "_b", p, b, 1, nOut);
        ONNXNode pre = ctx.operation(ONNXOperators.GEMM, List.of(in, weight, bias), name + (tanh ? "_pre" : ""));
        return tanh ? ctx.operation(ExtraOnnxOps.TANH, List.of(pre), name) : pre;
    }

    private static ONNXInitializer weights(ONNXContext ctx, String name, double[] p, int offset, int rows, int cols) {
        List<Integer> dims = rows == 1 ? List.of(cols) : List.of(rows, cols);
        return ctx.floatTensor(name, dims, fb -> {
            for (int i = 0; i < rows * cols; i++) {
                fb.put((float) p[offset + i]);
            }
        });
    }

    /** Gives the inputs and the output their real shapes and the tokens input its int64 type. */
    private static OnnxMl.GraphProto fixShapes(OnnxMl.GraphProto g, NetShape s) {
        OnnxMl.GraphProto.Builder b = g.toBuilder();
        for (int i = 0; i < b.getInputCount(); i++) {
            OnnxMl.ValueInfoProto in = b.getInput(i);
            switch (in.getName()) {
                case OnnxNames.IMAGE -> b.setInput(i, info(IMAGE, 1, 1, 3, s.imageHeight(), s.imageWidth()));
                case OnnxNames.TOKENS -> b.setInput(i, info(TOKENS, 7, 1, s.maxTokens()));
                case OnnxNames.STATE -> b.setInput(i, info(STATE, 1, 1, s.stateDim()));
                case OnnxNames.TACTILE -> b.setInput(i, info(TACTILE, 1, 1, s.tactileDim()));
                default -> throw new IllegalStateException("unexpected graph input " + in.getName());
            }
        }
        b.setOutput(0, info(ACTION, 1, 1, s.horizon(), s.actionDim()));
        return b.build();
    }

    private static OnnxMl.ValueInfoProto info(String name, int elemType, long... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape)))
                .build();
    }
}
