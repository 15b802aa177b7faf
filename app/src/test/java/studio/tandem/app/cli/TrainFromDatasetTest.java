package studio.tandem.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import studio.tandem.autonomy.policy.ImageFrame;
import studio.tandem.autonomy.policy.PolicyRuntime;
import studio.tandem.teleop.sim.render.OffscreenRenderer;
import studio.tandem.teleop.sim.render.RenderUnavailableException;

/** {@code tandem train --dataset}: a hand policy learnt from a dataset recorded in the simulated station. */
class TrainFromDatasetTest {
    @TempDir
    Path dir;

    private static String[] run(String... args) {
        CommandLine cl = TandemCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    private static String eglUnavailable() {
        try (OffscreenRenderer r = new OffscreenRenderer(16, 16, 0)) {
            return null;
        } catch (RenderUnavailableException | RuntimeException e) {
            return e.getMessage();
        }
    }

    @Test
    void learnsTheHandPolicyFromASimRecordingAndTheModelLoads() throws Exception {
        String noEgl = eglUnavailable();
        Assumptions.assumeTrue(noEgl == null, "EGL unavailable, the sim cannot record its wrist camera: " + noEgl);
        Path ds = dir.resolve("sim");
        String[] rec = run("record", "--headless", "--station", "sim", "--episodes", "2", "--seconds", "3", "--out",
                ds.toString(), "--cameras", "2", "--width", "96", "--height", "72", "--seed", "5");
        assertThat(rec[0]).as(rec[2]).isEqualTo("0");

        Path model = dir.resolve("p.onnx");
        String[] r = run("train", "--dataset", ds.toString(), "--out", model.toString(), "--epochs", "6",
                "--calibrate-episodes", "0");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        String[] lines = r[1].strip().split("\n");
        JsonNode j = new ObjectMapper().readTree(lines[lines.length - 1]);
        // 2 episodes x 3 s at 30 fps: every frame is a sample
        assertThat(j.get("samples").asInt()).isBetween(150, 200);
        assertThat(j.get("final_loss").asDouble()).as("loss went down").isLessThan(0.7 * j.get("first_loss").asDouble());
        Path manifest = dir.resolve("p.json");
        assertThat(Files.readString(manifest)).contains("observation.images.wrist").contains("action.hand.joint_pos")
                .contains("\"action_fps\" : 30.0");
        try (PolicyRuntime rt = PolicyRuntime.load(manifest, OrtEnvironment.getEnvironment(), null)) {
            rt.inputs().shrink("observation.images.wrist", new ImageFrame(96, 72));
            rt.inputs().instruction("pinch the red cube and lift it");
            double[] chunk = new double[rt.manifest().action().horizon() * rt.manifest().action().dim()];
            rt.infer(chunk);
            for (double v : chunk) {
                assertThat(v).isFinite();
            }
        }
    }

    @Test
    void learnsAnArmHandPolicyFromTheSameColumnsWithArmDeltas() throws Exception {
        String noEgl = eglUnavailable();
        Assumptions.assumeTrue(noEgl == null, "EGL unavailable, the sim cannot record its wrist camera: " + noEgl);
        Path ds = dir.resolve("sim");
        String[] rec = run("record", "--headless", "--station", "sim", "--episodes", "1", "--seconds", "3", "--out",
                ds.toString(), "--cameras", "2", "--width", "96", "--height", "72", "--seed", "6");
        assertThat(rec[0]).as(rec[2]).isEqualTo("0");
        Path model = dir.resolve("ah.onnx");
        String[] r = run("train", "--kind", "arm-hand", "--dataset", ds.toString(), "--out", model.toString(),
                "--epochs", "6", "--image-size", "8", "--calibrate-episodes", "0");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        String[] lines = r[1].strip().split("\n");
        JsonNode j = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertThat(j.get("kind").asText()).isEqualTo("arm-hand");
        assertThat(j.get("samples").asInt()).isBetween(75, 100);
        assertThat(j.get("final_loss").asDouble()).as("loss went down").isLessThan(0.7 * j.get("first_loss").asDouble());
        try (PolicyRuntime rt = PolicyRuntime.load(dir.resolve("ah.json"), OrtEnvironment.getEnvironment(), null)) {
            assertThat(rt.manifest().action().group()).isEqualTo("arm+hand");
            assertThat(rt.manifest().action().blocks()).extracting(b -> b.feature() + " " + b.representation())
                    .containsExactly("action.arm.joint_pos DELTA", "action.hand.joint_pos ABSOLUTE");
            assertThat(rt.manifest().action().dim()).isEqualTo(18);
        }
    }

    @Test
    void aDatasetWithoutTheWristCameraIsRefusedNamingTheFeature() throws Exception {
        Path ds = dir.resolve("nocam");
        String[] rec = run("record", "--headless", "--station", "sim", "--episodes", "1", "--seconds", "1", "--out",
                ds.toString(), "--cameras", "0", "--seed", "5");
        assertThat(rec[0]).as(rec[2]).isEqualTo("0");
        String[] r = run("train", "--dataset", ds.toString(), "--out", dir.resolve("p.onnx").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).isEqualTo("tandem train: " + ds + ": meta/info.json has no feature "
                + "'observation.images.wrist' (the hand policy needs it)");
        assertThat(dir.resolve("p.onnx")).doesNotExist();
    }
}
