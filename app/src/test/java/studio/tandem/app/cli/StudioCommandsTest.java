package studio.tandem.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tandem screenshots} and {@code tandem bench startup}: bad input is one line and exit 2. */
class StudioCommandsTest {
    @TempDir
    Path tmp;

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
    void screenshotsIntoAFileIsRefusedInOneLine() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir.png"), "x");
        String[] r = run("screenshots", file.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).isEqualTo("tandem screenshots: " + file + ": not a directory");
    }

    @Test
    void benchStartupRejectsABadRunCount() {
        String[] r = run("bench", "startup", "--runs", "0");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).isEqualTo("tandem startup: --runs must be 1..20, was 0");
    }

    @Test
    void benchSessionRecordsEpisodesThroughTheStudiosSessionIntoAValidDataset() throws Exception {
        Path out = tmp.resolve("day");
        String[] r = run("bench", "session", "--episodes", "3", "--seconds", "0.5", "--out", out.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        String[] lines = r[1].strip().split("\n");
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(lines[lines.length - 1]);
        assertThat(json.path("bench").asText()).isEqualTo("session");
        assertThat(json.path("episodes").asInt()).isEqualTo(3);
        assertThat(json.path("dataset_valid").asBoolean()).isTrue();
        assertThat(json.path("rows").asLong()).as("3 × 0.5 s at 30 fps, roughly").isBetween(30L, 90L);
        assertThat(json.path("save_latency_s_p50").asDouble()).isPositive();
        assertThat(json.has("heap_growth_kb_per_episode")).isTrue();
        assertThat(json.path("heap_committed_mb_end").asDouble()).isPositive();
        assertThat(json.has("frames_dropped")).isTrue();
        assertThat(studio.tandem.dataset.lerobot.LeRobotDataset.open(out).episodes())
                .as("every episode decided a success is in the dataset").hasSize(3)
                .allMatch(e -> Boolean.TRUE.equals(e.extras().success()));
        assertThat(r[2]).contains("episode 3/3");
    }

    @Test
    void benchSessionRefusesBadInputInOneLine() throws Exception {
        String[] r = run("bench", "session", "--episodes", "1");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).isEqualTo("tandem session: --episodes must be 2..10000, was 1");
        Path taken = Files.createDirectories(tmp.resolve("taken"));
        r = run("bench", "session", "--out", taken.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).isEqualTo("tandem session: " + taken + ": already exists; give a new directory");
    }

    @Test
    void bothAreListedInTheHelp() {
        assertThat(run("--help")[1]).contains("screenshots");
        assertThat(run("bench", "--help")[1]).contains("startup");
    }
}
