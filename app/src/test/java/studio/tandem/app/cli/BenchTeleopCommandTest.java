package studio.tandem.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchTeleopCommandTest {

    private static String[] run(String... args) {
        return TandemCommandTest.run(args);
    }

    @Test
    void badOptionsAreOneLineUsageErrors() {
        String[] r = run("bench", "teleop", "--events", "5");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).contains("--events").doesNotContain("\n").doesNotContain("at studio.");
        r = run("bench", "teleop", "--camera-size", "big");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--camera-size 'big'");
    }

    @Test
    void aShortRunEndsWithOneJsonLineOfTheMeasurements() {
        String[] r = run("bench", "teleop", "--events", "200", "--event-hz", "2000", "--sim-seconds", "1",
                "--camera-seconds", "1");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        String[] lines = r[1].strip().split("\n");
        String json = lines[lines.length - 1];
        assertThat(json).startsWith("{\"bench\":\"teleop\"").endsWith("}")
                .contains("\"p99_event_to_command_ms\":").contains("\"sim_realtime_factor\":")
                .contains("\"camera_fps\":").contains("\"load_avg_1m_at_start\":");
        assertThat(json).doesNotContain("NaN");
        assertThat(r[2]).contains("bench teleop: event -> command").contains("physics: real-time factor");
    }
}
