package studio.tandem.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TandemCommandTest {

    static String[] run(String... args) {
        CommandLine cl = TandemCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void helpListsTheCommandGroups() {
        String[] r = run("--help");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("dataset").contains("bench");
    }

    @Test
    void unknownCommandIsAUsageErrorWithoutStackTrace() {
        String[] r = run("no-such-command");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("no-such-command").doesNotContain("at studio.");
    }

    @Test
    void stationFileThatIsMissingOrBadIsOneLineAndExit2BeforeAnyWindow(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.nio.file.Path missing = dir.resolve("nope.yaml");
        assertThat(run("--station", missing.toString())[0]).isEqualTo("2");
        assertThat(StudioLauncher.check(missing)).startsWith("--station " + missing + ": no such file")
                .doesNotContain("\n");
        java.nio.file.Path bad = dir.resolve("bad.yaml");
        java.nio.file.Files.writeString(bad, "arm: {type: ur-rtde}\n");
        assertThat(run("--station", bad.toString())[0]).isEqualTo("2");
        assertThat(StudioLauncher.check(bad)).isEqualTo(bad + ": arm.address: needed for a ur-rtde arm");
        java.nio.file.Path good = dir.resolve("good.yaml");
        java.nio.file.Files.writeString(good, "arm: {type: sim_ur5e}\nhand: {type: sim_gripper}\n");
        assertThat(StudioLauncher.check(good)).isNull();
    }

    @Test
    void helpNamesTheStationOption() {
        assertThat(run("--help")[1]).contains("--station=FILE");
    }
}
