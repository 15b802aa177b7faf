package studio.tandem.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import studio.tandem.app.config.StationConfigFile;

/** Opens the JavaFX studio; reports plainly when there is no display. Launcher's main thread. */
public final class StudioLauncher {
    private StudioLauncher() {
    }

    /** Opens the studio and blocks until its window closes; returns the exit code (2: no display). */
    public static int launch() {
        return launch(null);
    }

    /**
     * Opens the studio on the station file {@code station} (null: ~/.tandem/station.yaml, or the
     * simulated station without it) and blocks until its window closes. A named file that is missing
     * or does not parse is one line on stderr and exit 2, before any window opens.
     */
    public static int launch(Path station) {
        if (station != null) {
            String problem = check(station);
            if (problem != null) {
                System.err.println("tandem: " + problem);
                return 2;
            }
        }
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && !System.getProperty("os.name", "").startsWith("Windows")
                && !System.getProperty("os.name", "").startsWith("Mac")) {
            System.err.println("tandem: no display to open the studio on (DISPLAY is not set); "
                    + "headless commands: ./tandem --help");
            return 2;
        }
        studio.tandem.app.studio.StudioApp.launchStudio(station);
        return 0;
    }

    /** Why {@code station} cannot be used (one line naming the file), or null. */
    static String check(Path station) {
        if (!Files.isRegularFile(station)) {
            return "--station " + station + ": no such file (without --station the studio uses "
                    + "~/.tandem/station.yaml, or the simulated station)";
        }
        try {
            StationConfigFile.load(station);
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
