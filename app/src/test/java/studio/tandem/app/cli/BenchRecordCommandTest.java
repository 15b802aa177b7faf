package studio.tandem.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code tandem bench record}: a short live recording, then its JSON (speed is a benchmark's job, not a test's). */
class BenchRecordCommandTest {
    @Test
    void recordsLiveComparesWithFfmpegAndReportsMemory() throws Exception {
        CommandLine cl = TandemCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("bench", "record", "--cameras", "1", "--width", "128", "--height", "96", "--seconds", "3");
        assertThat(code).as(err.toString()).isZero();
        String[] lines = out.toString().strip().split("\n");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertThat(json.path("bench").asText()).isEqualTo("record");
        assertThat(json.path("rows").asLong()).as("3 s at 30 fps").isBetween(60L, 100L);
        assertThat(json.path("ffmpeg_encode_fps").asDouble()).isPositive();
        assertThat(json.path("heap_live_mb_end").asDouble()).isPositive();
        assertThat(json.path("heap_committed_mb_max").asDouble())
                .isGreaterThanOrEqualTo(json.path("heap_live_mb_end").asDouble());
        assertThat(json.has("dropped_frames")).isTrue();
        assertThat(json.path("save_latency_s").asDouble()).isPositive();
    }
}
