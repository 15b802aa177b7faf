package studio.tandem.autonomy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.tandem.autonomy.train.DemoStep;
import studio.tandem.autonomy.train.HandPolicyNet;
import studio.tandem.autonomy.train.NetShape;
import studio.tandem.autonomy.train.OnnxExporter;
import studio.tandem.autonomy.train.PolicySpec;
import studio.tandem.autonomy.train.PolicyTraining;
import studio.tandem.autonomy.train.SampleEncoder;
import studio.tandem.autonomy.train.SyntheticDemos;
import studio.tandem.autonomy.train.Trainer;
import studio.tandem.autonomy.train.TrainingSample;

class PolicyRuntimeTest {
    static final List<String> VOCAB = List.of("<pad>", "<unk>", "pinch", "power", "grasp", "the", "object");
    static final NetShape SHAPE = new NetShape(8, 8, 4, 2, VOCAB.size(), 6, 4, 16, 5, 4);
    static final PolicySpec SPEC = new PolicySpec("observation.images.wrist", "observation.state.hand",
            "observation.tactile", "action.hand", List.of("thumb", "index", "middle", "ring"), VOCAB, SHAPE, 30, 30);

    @TempDir
    Path dir;

    static PolicyTraining.Result trainTiny(Path dir) throws Exception {
        List<DemoStep> steps = SyntheticDemos.generate(32, 4, 2, 5, 1);
        return PolicyTraining.train(steps, SPEC, new Trainer.Config(2, 8, 0.01, 1), dir.resolve("hand.onnx"), e -> { });
    }

    @Test
    void theExportedModelLoadsAndMatchesTheJavaForwardPass() throws Exception {
        PolicyTraining.Result res = trainTiny(dir);
        assertThat(res.manifest().getFileName().toString()).isEqualTo("hand.json");
        PolicyManifest m = ManifestJson.read(res.manifest());
        DemoStep step = SyntheticDemos.generate(3, 4, 2, 5, 99).get(2);
        try (PolicyRuntime rt = PolicyRuntime.load(res.manifest(), OrtEnvironment.getEnvironment(), null)) {
            PolicyInputs in = rt.inputs();
            in.shrink("observation.images.wrist", step.frame());
            System.arraycopy(step.handState(), 0, in.vector("observation.state.hand"), 0, 4);
            System.arraycopy(step.tactile(), 0, in.vector("observation.tactile"), 0, 2);
            in.instruction(step.instruction());
            double[] onnx = new double[20];
            assertThat(rt.infer(onnx)).isNaN();

            HandPolicyNet net = res.net();
            SampleEncoder enc = new SampleEncoder(SPEC, m.stats().get("observation.state.hand"),
                    m.stats().get("observation.tactile"), m.stats().get("action.hand"));
            TrainingSample s = enc.encode(step.frame(), step.handState(), step.tactile(), step.instruction(), step.chunk());
            HandPolicyNet.Activations act = new HandPolicyNet.Activations(SHAPE);
            net.forward(s, act);
            FeatureStats a = m.stats().get("action.hand");
            for (int i = 0; i < 20; i++) {
                assertThat(onnx[i]).as("action %d", i)
                        .isCloseTo(a.denormalize(i % 4, act.output()[i]), org.assertj.core.data.Offset.offset(1e-4));
            }
            // a changed instruction changes the tokens and the output
            in.instruction("power grasp");
            double[] again = new double[20];
            rt.infer(again);
            assertThat(again).isNotEqualTo(onnx);
        }
    }

    @Test
    void aModelThatDoesNotMatchItsManifestIsRejectedNamingTensorAndShapes() throws Exception {
        NetShape other = new NetShape(6, 6, 4, 2, VOCAB.size(), 6, 4, 16, 5, 4);
        OnnxExporter.export(new HandPolicyNet(other, 1), dir.resolve("m.onnx"));
        ManifestJson.write(SPEC.manifest("m.onnx", Map.of()), dir.resolve("m.json"));
        assertThatThrownBy(() -> PolicyRuntime.load(dir.resolve("m.json"), OrtEnvironment.getEnvironment(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("policy m.onnx: input 'image' has shape [1, 3, 6, 6] but the manifest declares [1, 3, 8, 8]");

        NetShape longer = new NetShape(8, 8, 4, 2, VOCAB.size(), 6, 4, 16, 7, 4);
        OnnxExporter.export(new HandPolicyNet(longer, 1), dir.resolve("m.onnx"));
        assertThatThrownBy(() -> PolicyRuntime.load(dir.resolve("m.json"), OrtEnvironment.getEnvironment(), null))
                .hasMessage("policy m.onnx: output 'action' has shape [1, 7, 4] but the manifest declares [1, 5, 4]");
    }

    @Test
    void badManifestsAreRejectedNamingTheField() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"format\": \"tandem-policy/1\", \"model\": \"x.onnx\", \"inference_hz\": 30,"
                + " \"action_fps\": 30, \"inputs\": [{\"kind\": \"camera\", \"tensor\": \"image\","
                + " \"feature\": \"w\", \"width\": 0, \"height\": 8, \"mean\": [0,0,0], \"std\": [1,1,1]}]}");
        assertThatThrownBy(() -> ManifestJson.read(f)).hasMessage(f + ": inputs[0].width: must be a positive integer, was 0");
        Files.writeString(f, "{\"format\": \"tandem-policy/1\", \"model\": \"x.onnx\", \"inference_hz\": 30}");
        assertThatThrownBy(() -> ManifestJson.read(f)).hasMessage(f + ": action_fps: missing");
        Files.writeString(f, "{oops");
        assertThatThrownBy(() -> ManifestJson.read(f)).hasMessageStartingWith(f + ": not valid JSON");
    }
}
