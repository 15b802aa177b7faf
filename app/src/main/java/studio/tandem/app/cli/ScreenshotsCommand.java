package studio.tandem.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import studio.tandem.app.display.XvfbDisplay;
import studio.tandem.app.studio.shots.Screenshots;

/**
 * {@code tandem screenshots DIR}: collect.png, correct.png and review.png of the studio on the
 * simulated station with real content. Needs a display: this one when DISPLAY is set, else a private
 * Xvfb (3D and the cameras render through OpenGL; Monocle cannot render 3D).
 */
@Command(name = "screenshots", mixinStandardHelpOptions = true,
        description = "Write a PNG of each workspace (Collect, Correct, Review) on the simulated station.")
final class ScreenshotsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "where the PNGs go (created)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
            throw new UserError(dir + ": not a directory");
        }
        XvfbDisplay x = DisplayJob.display();
        try {
            System.err.println("taking screenshots on " + (x == null ? "DISPLAY " + System.getenv("DISPLAY")
                    : "a private Xvfb " + x.name()) + " (about a minute)…");
            Process p = DisplayJob.start(x, Screenshots.class.getName(), List.of(), List.of(dir.toString()), true);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new UserError("screenshots did not finish within 10 minutes");
            }
            return p.exitValue() == 0 ? 0 : 1;
        } finally {
            if (x != null) {
                x.close();
            }
        }
    }
}
