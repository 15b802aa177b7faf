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
    void bothAreListedInTheHelp() {
        assertThat(run("--help")[1]).contains("screenshots");
        assertThat(run("bench", "--help")[1]).contains("startup");
    }
}
