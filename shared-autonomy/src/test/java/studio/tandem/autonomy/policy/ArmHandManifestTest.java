package studio.tandem.autonomy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.tandem.autonomy.arbitration.JointGroup;
import studio.tandem.autonomy.loop.LoopLayout;
import studio.tandem.autonomy.train.DemoStep;
import studio.tandem.autonomy.train.PolicyTraining;
import studio.tandem.autonomy.train.SimArmHandPolicy;
import studio.tandem.autonomy.train.PolicySpec;
import studio.tandem.autonomy.train.Trainer;
import studio.tandem.dataset.time.ManualClock;

/** Manifests of policies whose action covers the arm and the hand: parsing, writing and rejection. */
class ArmHandManifestTest {
    static final List<String> VOCAB = List.of("<pad>", "<unk>", "pinch", "power", "grasp");

    @TempDir
    Path dir;

    /** A tiny arm+hand policy (2 arm joints as deltas, 3 hand joints) trained a little on random demos. */
    static PolicyTraining.Result tinyArmHand(Path dir) throws Exception {
        PolicySpec spec = SimArmHandPolicy.spec(List.of("a0", "a1"), List.of("h0", "h1", "h2"), 1, VOCAB, 25, 6, 3);
        Random r = new Random(3);
        List<DemoStep> steps = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            ImageFrame f = new ImageFrame(6, 6);
            f.set(r.nextInt(6), r.nextInt(6), 200, 10, 10);
            double[] chunk = r.doubles(10 * 5).map(v -> v - 0.5).toArray();
            steps.add(new DemoStep(f, r.doubles(5).toArray(), new double[] {r.nextDouble()}, "pinch", chunk));
        }
        return PolicyTraining.train(steps, spec, new Trainer.Config(1, 8, 0.01, 1), dir.resolve("ah.onnx"), e -> { });
    }

    private Path write(String action) throws Exception {
        Path f = dir.resolve("m.json");
        Files.writeString(f, "{\"format\": \"tandem-policy/1\", \"model\": \"m.onnx\", \"inference_hz\": 10,"
                + " \"action_fps\": 25, \"inputs\": [], \"action\": " + action + "}");
        return f;
    }

    private static final String ARM_HAND = "{\"tensor\": \"action\", \"feature\": \"action\", \"group\": \"arm+hand\","
            + " \"horizon\": 4, \"names\": [\"a0\", \"a1\", \"h0\", \"h1\", \"h2\"], \"blocks\": [%s]}";
    private static final String ARM_BLOCK = "{\"group\": \"arm\", \"feature\": \"action.arm.joint_pos\", \"length\": %d,"
            + " \"representation\": \"%s\"}";
    private static final String HAND_BLOCK = "{\"group\": \"hand\", \"feature\": \"action.hand.joint_pos\", \"length\": 3}";

    @Test
    void anArmHandActionIsReadAsBlocksAndWrittenBackUnchanged() throws Exception {
        Path f = write(String.format(ARM_HAND, String.format(ARM_BLOCK, 2, "delta") + ", " + HAND_BLOCK));
        PolicyManifest m = ManifestJson.read(f);
        PolicyManifest.ActionOutput a = m.action();
        assertThat(a.group()).isEqualTo("arm+hand");
        assertThat(a.drives(JointGroup.ARM)).isTrue();
        assertThat(a.drives(JointGroup.HAND)).isTrue();
        assertThat(a.block(JointGroup.ARM)).isEqualTo(new PolicyManifest.ActionBlock("arm", "action.arm.joint_pos", 2,
                PolicyManifest.Representation.DELTA));
        assertThat(a.block(JointGroup.HAND).representation()).as("absolute by default")
                .isEqualTo(PolicyManifest.Representation.ABSOLUTE);
        Path again = dir.resolve("again.json");
        ManifestJson.write(m, again);
        assertThat(ManifestJson.read(again)).isEqualTo(m);
        assertThat(Files.readString(again)).contains("\"representation\" : \"delta\"");
    }

    @Test
    void theShippedHandOnlyManifestLoadsAsOneAbsoluteHandBlockAndIsWrittenWithoutBlocks() throws Exception {
        Path shipped = Path.of("..", "models", "hand_policy.json");
        PolicyManifest m = ManifestJson.read(shipped);
        assertThat(m.action().blocks()).containsExactly(new PolicyManifest.ActionBlock("hand", "action.hand.joint_pos",
                12, PolicyManifest.Representation.ABSOLUTE));
        assertThat(m.action().drives(JointGroup.ARM)).isFalse();
        Path copy = dir.resolve("hand.json");
        ManifestJson.write(m, copy);
        assertThat(Files.readString(copy)).doesNotContain("blocks");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.readTree(copy.toFile())).as("written back as it ships").isEqualTo(json.readTree(shipped.toFile()));
    }

    @Test
    void mismatchedBlocksAreRejectedNamingTheTensorAndTheSizes() throws Exception {
        Path f = write(String.format(ARM_HAND, String.format(ARM_BLOCK, 3, "delta") + ", " + HAND_BLOCK));
        assertThatThrownBy(() -> ManifestJson.read(f)).hasMessage(f + ": action.blocks: arm 3 + hand 3 = 6 values per"
                + " step, but tensor 'action' has 5 (action.names)");
        Files.writeString(f, Files.readString(write(String.format(ARM_HAND, HAND_BLOCK + ", "
                + String.format(ARM_BLOCK, 2, "delta")))));
        assertThatThrownBy(() -> ManifestJson.read(f)).hasMessage(f + ": action.blocks: groups hand+arm do not match"
                + " action.group \"arm+hand\" (arm comes before hand, each once)");
        write(String.format(ARM_HAND, String.format(ARM_BLOCK, 2, "velocity") + ", " + HAND_BLOCK));
        assertThatThrownBy(() -> ManifestJson.read(f)).hasMessage(f + ": action.blocks[0].representation: must be"
                + " \"absolute\" or \"delta\", was \"velocity\"");
        write("{\"tensor\": \"action\", \"feature\": \"action\", \"group\": \"arm+hand\", \"horizon\": 4,"
                + " \"names\": [\"a0\"]}");
        assertThatThrownBy(() -> ManifestJson.read(f)).hasMessage(f + ": action.blocks: missing (an arm+hand action"
                + " needs one block per joint group)");
        write("{\"tensor\": \"action\", \"feature\": \"action\", \"group\": \"legs\", \"horizon\": 4, \"names\": [\"a\"]}");
        assertThatThrownBy(() -> ManifestJson.read(f)).hasMessage(f + ": action.group: must be \"hand\", \"arm\" or"
                + " \"arm+hand\", was \"legs\"");
    }

    @Test
    void aPolicyWhoseBlocksDoNotFitTheStationIsRefusedWhenWired() throws Exception {
        PolicyTraining.Result res = tinyArmHand(dir);
        try (PolicyRuntime rt = PolicyRuntime.load(res.manifest(), OrtEnvironment.getEnvironment(), null)) {
            FrameSource frames = (feature, into) -> false;
            assertThatThrownBy(() -> HandPolicies.wire(rt, new LoopLayout(6, 3, 1), frames, new ManualClock(0)))
                    .hasMessage("policy ah.onnx: action 'action' (action.arm.joint_pos) has 2 values per step but the"
                            + " station's arm has 6 joints");
            HandPolicies.Wiring w = HandPolicies.wire(rt, new LoopLayout(2, 3, 1), frames, new ManualClock(0));
            assertThat(w.controller().drives(JointGroup.ARM)).isTrue();
            assertThat(w.controller().drives(JointGroup.HAND)).isTrue();
        }
    }
}
