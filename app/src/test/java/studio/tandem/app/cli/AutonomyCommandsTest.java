package studio.tandem.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AutonomyCommandsTest {
    @TempDir
    Path dir;

    private static String[] run(String... args) {
        CommandLine cl = TandemCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void helpListsTrainEvalAndTheBenches() {
        assertThat(run("--help")[1]).contains("train").contains("eval");
        assertThat(run("bench", "--help")[1]).contains("control").contains("policy");
    }

    @Test
    void userMistakesAreOneLineWithExitCode2() {
        String[] r = run("eval", "--mode", "sideways", "--episodes", "1");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).isEqualTo("tandem eval: --mode sideways: must be shared, teleop or autonomous");
        r = run("train", "--out", dir.resolve("model.bin").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("must end in .onnx").doesNotContain("at studio.");
        r = run("eval", "--station", "ur5e");
        assertThat(r[2]).contains("only the simulated station");
        r = run("train", "--kind", "elbow", "--out", dir.resolve("m.onnx").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).isEqualTo("tandem train: --kind: must be hand or arm-hand, was 'elbow'");
    }

    @Test
    void autonomousModeRefusesAHandOnlyPolicy() {
        Path hand = Path.of("..", "models", "hand_policy.json");
        String[] r = run("eval", "--mode", "autonomous", "--episodes", "1", "--policy", hand.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).isEqualTo("tandem eval: --mode autonomous: policy hand_policy.onnx drives only the "
                + "hand; autonomous needs an arm+hand policy (train one with 'train --kind arm-hand')");
    }

    @Test
    void aBrokenPolicyManifestIsReportedWithItsFileAndField() throws Exception {
        Path m = dir.resolve("p.json");
        Files.writeString(m, "{\"format\": \"tandem-policy/1\", \"model\": \"p.onnx\", \"inference_hz\": -3}");
        String[] r = run("bench", "policy", "--policy", m.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).isEqualTo("tandem policy: " + m + ": inference_hz: must be a positive number, was -3");
    }

    @Test
    void benchControlRecordsThroughTheRealRecorderAndReportsTheLoad() throws Exception {
        String[] r = run("bench", "control", "--rate", "200", "--seconds", "2", "--record");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        String[] lines = r[1].strip().split("\n");
        var j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines[lines.length - 1]);
        assertThat(j.get("record").asBoolean()).isTrue();
        assertThat(j.get("ticks").asLong()).isGreaterThan(100);
        assertThat(j.get("p99_period_error_ms").asDouble()).isFinite();
        assertThat(j.get("load_average_1m").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(j.get("load_average_15m").asDouble()).isGreaterThanOrEqualTo(0);
        // stolen CPU time while the loop ran: seconds (≥ 0) on Linux, null where /proc/stat has no steal column
        assertThat(j.get("cpu_steal_s").isNull() || j.get("cpu_steal_s").asDouble() >= 0).as(lines[lines.length - 1])
                .isTrue();
        if (Files.isReadable(Path.of("/proc/stat"))) {
            assertThat(j.get("cpu_steal_s").isNumber()).isTrue();
        }
        // every loop tick reached the recorder, and the episode holds ~2 s of rows and three cameras
        assertThat(j.get("ticks_recorded").asLong() + j.get("ticks_lost").asLong() + j.get("ticks_refused").asLong())
                .isGreaterThanOrEqualTo(j.get("ticks").asLong() - 2);
        assertThat(j.get("ticks_lost").asLong()).isZero();
        assertThat(j.get("recorded_rows").asInt()).isBetween(40, 75);
        assertThat(r[2]).contains("observation.images.cam2").contains("observation.loop.joint_pos");
    }

    @Test
    void benchPolicyTimesTheInferencePathOnFramesTheFrameSourceShrankAndReportsTheShrinkApart() throws Exception {
        Path shipped = Path.of("..", "models", "hand_policy.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(shipped), "no shipped policy");
        String[] r = run("bench", "policy", "--policy", shipped.toString(), "--iterations", "50");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        String[] lines = r[1].strip().split("\n");
        var j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines[lines.length - 1]);
        assertThat(j.get("iterations").asInt()).isEqualTo(50);
        assertThat(j.get("overhead_ratio").asDouble()).isPositive();
        assertThat(j.get("overhead_ratio_vs_pinned").asDouble()).isPositive();
        assertThat(j.get("bare_pinned_us_p50").asDouble()).isPositive();
        assertThat(j.get("overhead_ratio_warm").asDouble()).isPositive();
        assertThat(j.get("active_chunks").asInt()).as("chunks overlapping at the manifest's rates").isBetween(2, 16);
        assertThat(j.get("frame").asText()).isEqualTo("640x480");
        assertThat(j.get("shrink_us_p50").asDouble()).isPositive();
        assertThat(j.get("frame_copy_us_p50").asDouble()).isPositive();
        // a new frame before every inference (warm-up included): each one shrunk once, none reused
        assertThat(j.get("frames_shrunk").asLong()).isGreaterThanOrEqualTo(50);
        assertThat(j.get("frames_reused").asLong()).isZero();
        r = run("bench", "policy", "--policy", shipped.toString(), "--iterations", "0");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).isEqualTo("tandem policy: --iterations must be at least 1, was 0");
    }
}
