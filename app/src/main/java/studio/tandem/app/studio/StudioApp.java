package studio.tandem.app.studio;

import atlantafx.base.theme.PrimerDark;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.app.studio.prefs.StudioPrefs;
import studio.tandem.app.studio.prefs.WindowPlacement;

/** The JavaFX studio application: one window with Collect, Correct and Review. */
public final class StudioApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(StudioApp.class);

    /** System property: print {@link #READY_LINE} on the first frame drawn, then exit (bench startup). */
    public static final String BENCH_PROPERTY = "tandem.bench.startup";
    /** What the studio prints once its window drew its first frame under {@link #BENCH_PROPERTY}. */
    public static final String READY_LINE = "tandem-ready";

    private StudioContext context;
    private StudioWindow window;
    private Stage stage;

    /** Blocks until the studio window is closed. Call from the launcher's main thread. */
    public static void launchStudio() {
        launchStudio(null);
    }

    /**
     * Blocks until the studio window is closed; {@code station} is the station file (null: the
     * default, ~/.tandem/station.yaml). Call from the launcher's main thread.
     */
    public static void launchStudio(java.nio.file.Path station) {
        StartupWarmup.start();
        if (station == null) {
            Application.launch(StudioApp.class);
        } else {
            Application.launch(StudioApp.class, "--station=" + station.toAbsolutePath());
        }
    }

    /** Applies the studio's theme (AtlantaFX Primer Dark) to the whole application. FX thread. */
    public static void applyTheme() {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
    }

    @Override
    public void start(Stage stage) {
        applyTheme();
        String station = getParameters().getNamed().get("station");
        context = StudioContext.defaults(station == null ? null : java.nio.file.Path.of(station));
        window = new StudioWindow(context, new LoggingStop());
        stage.setTitle("Tandem Studio");
        stage.setScene(window.scene());
        stage.setMinWidth(1024);
        stage.setMinHeight(680);
        WindowPlacement.restore(stage, context.prefs().get().window());
        this.stage = stage;
        stage.show();
        if (Boolean.getBoolean(BENCH_PROPERTY)) {
            new javafx.animation.AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    System.out.println(READY_LINE);
                    System.out.flush();
                    javafx.application.Platform.exit();
                }
            }.start();
        }
    }

    @Override
    public void stop() {
        if (stage != null && context != null) {
            StudioPrefs.Window placed = WindowPlacement.of(stage);
            context.prefs().update(p -> p.withWindow(placed));
        }
        if (window != null) {
            window.close();
        }
        if (context != null) {
            context.close();
        }
    }

    /** Until a station runs: the e-stop is latched in the UI and logged. */
    private static final class LoggingStop implements ShellViewModel.EmergencyStop {
        @Override
        public void engage(String reason) {
            LOG.warn("e-stop engaged ({})", reason);
        }

        @Override
        public void reset() {
            LOG.info("e-stop reset");
        }
    }
}
