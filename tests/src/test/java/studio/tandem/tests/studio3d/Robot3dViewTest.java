package studio.tandem.tests.studio3d;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import studio.tandem.app.display.XvfbDisplay;

/**
 * The 3D view on a real display (Xvfb, es2 pipeline): every arm link, finger, the table and the
 * objects are posed from the station snapshot, the picture has content and changes when the arm
 * turns. Skipped where there is no display, no Xvfb, or no 3D.
 */
@ExtendWith(Xvfb3d.class)
class Robot3dViewTest {

    @Test
    void showsTheStationIn3dAndFollowsThePhysics(String display, @TempDir Path tmp) throws Exception {
        Path png = tmp.resolve("robot3d.png");
        ProcessBuilder pb = new ProcessBuilder(XvfbDisplay.childJvm(Robot3dProbe.class.getName(), List.of(),
                List.of(png.toString())));
        pb.environment().put("DISPLAY", display);
        pb.redirectErrorStream(true);
        Path log = tmp.resolve("probe.log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(150, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("3D probe did not finish in 150 s: " + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Assumptions.assumeFalse(p.exitValue() == 3, () -> "no 3D on display " + display + ": " + out);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("OK content");
        assertThat(Files.size(png)).isGreaterThan(1000);
        Path keep = Path.of("target/robot3d.png");
        Files.copy(png, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
