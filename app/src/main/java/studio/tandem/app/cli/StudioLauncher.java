package studio.tandem.app.cli;

/** Opens the JavaFX studio; reports plainly when there is no display. Launcher's main thread. */
public final class StudioLauncher {
    private StudioLauncher() {
    }

    /** Opens the studio and blocks until its window closes; returns the exit code (2: no display). */
    public static int launch() {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && !System.getProperty("os.name", "").startsWith("Windows")
                && !System.getProperty("os.name", "").startsWith("Mac")) {
            System.err.println("tandem: no display to open the studio on (DISPLAY is not set); "
                    + "headless commands: ./tandem --help");
            return 2;
        }
        studio.tandem.app.studio.StudioApp.launchStudio();
        return 0;
    }
}
