package studio.tandem.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RecordCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = TandemCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void recordsResumesValidatesAndRecovers() {
        String ds = dir.resolve("ds").toString();
        String[] rec = {"record", "--headless", "--station", "synthetic", "--episodes", "1", "--seconds", "1.2",
            "--out", ds, "--cameras", "1", "--width", "160", "--height", "120"};
        Run first = run(rec);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("episode 0 saved").contains("observation.images.cam0")
                .contains("dropped").contains("skew");
        assertThat(first.err()).contains("episode 1/1");
        Run second = run(rec);
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("episode 1 saved");

        Run valid = run("dataset", "validate", ds);
        assertThat(valid.code()).as(valid.out()).isZero();
        assertThat(valid.out()).contains("ok: 2 episodes");
        Run recover = run("dataset", "recover", ds);
        assertThat(recover.code()).isZero();
        assertThat(recover.out()).contains("nothing to recover");
    }

    @Test
    void userMistakesAreOneLine() {
        Run noHeadless = run("record", "--out", dir.resolve("x").toString());
        assertThat(noHeadless.code()).isEqualTo(2);
        assertThat(noHeadless.err().strip()).contains("--headless").doesNotContain("\n");
        Run sim = run("record", "--headless", "--station", "sim", "--out", dir.resolve("y").toString());
        assertThat(sim.code()).isEqualTo(2);
        assertThat(sim.err()).contains("not available yet");
        Run notDs = run("dataset", "recover", dir.toString());
        assertThat(notDs.code()).isEqualTo(2);
        assertThat(notDs.err().strip()).contains("not a LeRobot dataset").doesNotContain("\n");
    }
}
