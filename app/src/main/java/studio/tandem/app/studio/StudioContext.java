package studio.tandem.app.studio;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import studio.tandem.app.studio.common.Background;
import studio.tandem.app.studio.common.SerialExecutor;
import studio.tandem.app.studio.prefs.StudioPrefs;
import studio.tandem.app.studio.prefs.StudioPrefsStore;
import studio.tandem.app.studio.session.SessionSettings;
import studio.tandem.dataset.time.NanoClock;

/**
 * What every part of the studio shares, built once per window and passed down (no singletons):
 * the worker pool, the clock, where datasets go, what the studio remembers. Close it when the window
 * closes.
 *
 * @param dataDir where new datasets are recorded (Collect, Correct)
 */
public final class StudioContext implements AutoCloseable {
    private final ExecutorService workers;
    private final Background background;
    private final NanoClock clock;
    private final Path dataDir;
    private final Path configFile;
    private final StudioPrefsStore prefs;
    private volatile SessionSettings session;

    /**
     * @param configFile the station configuration (YAML); a missing file means the simulated station
     */
    public StudioContext(NanoClock clock, Path dataDir, Path configFile) {
        this(clock, dataDir, configFile, null);
    }

    /**
     * @param configFile the station configuration (YAML); a missing file means the simulated station
     * @param prefsFile where the studio remembers its window, workspace, task, policy and dataset
     *     ({@link StudioPrefs}); null keeps them in memory only
     */
    public StudioContext(NanoClock clock, Path dataDir, Path configFile, Path prefsFile) {
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "studio-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.background = new Background(workers, Platform::runLater);
        this.clock = clock;
        this.dataDir = dataDir;
        this.configFile = configFile;
        this.session = SessionSettings.defaults(dataDir.resolve("sim-station"));
        this.prefs = prefsFile == null ? StudioPrefsStore.inMemory()
                : StudioPrefsStore.open(prefsFile, new SerialExecutor(workers));
    }

    /**
     * The default places: datasets under ~/tandem-data, configuration in ~/.tandem/station.yaml,
     * preferences in ~/.tandem/studio.json (in memory under {@code bench startup}, which measures a first launch).
     */
    public static StudioContext defaults() {
        return defaults(null);
    }

    /**
     * The default places with the station file {@code station} ({@code tandem --station FILE}), or
     * ~/.tandem/station.yaml when null.
     */
    public static StudioContext defaults(Path station) {
        Path home = Path.of(System.getProperty("user.home"));
        return new StudioContext(NanoClock.SYSTEM, home.resolve("tandem-data"),
                station != null ? station : home.resolve(".tandem/station.yaml"),
                Boolean.getBoolean(StudioApp.BENCH_PROPERTY) ? null : home.resolve(".tandem/studio.json"));
    }

    public Background background() {
        return background;
    }

    public NanoClock clock() {
        return clock;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** How Collect and Correct run the simulated station (dataset under {@code dataDir/sim-station}). */
    public SessionSettings session() {
        return session;
    }

    /** Replaces the session settings (tests: smaller cameras, a temporary dataset). Before the window is built. */
    public void useSession(SessionSettings s) {
        session = s;
    }

    /** The hand policy Correct offers first: {@code models/hand_policy.json} under {@code tandem.home}. */
    public Path defaultPolicy() {
        return Path.of(System.getProperty("tandem.home", ".")).resolve("models").resolve("hand_policy.json")
                .toAbsolutePath().normalize();
    }

    /** What the studio remembers between launches. */
    public StudioPrefsStore prefs() {
        return prefs;
    }

    public Path configFile() {
        return configFile;
    }

    @Override
    public void close() {
        prefs.flush();
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
