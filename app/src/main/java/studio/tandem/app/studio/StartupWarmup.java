package studio.tandem.app.studio;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Initialises, on a daemon thread of its own, the classes whose static set-up is slow and that the FX
 * thread needs for the first frame: the Ikonli Material Design 2 icon enums (thousands of constants
 * each, ~30-80 ms apiece interpreted). It runs while the JavaFX toolkit starts, so the FX thread
 * finds them ready (class initialisation is thread-safe: at worst the FX thread waits for the one in
 * progress). Start it before {@code Application.launch}; nothing else depends on it having run.
 */
final class StartupWarmup implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(StartupWarmup.class);

    /** The icon packs (by code prefix {@code mdi2<letter>}) the shell and Review show at start-up. */
    static final List<String> ICON_ENUMS = List.of("R", "P", "S", "C", "H", "A", "D", "U", "F", "E", "M")
            .stream().map(l -> "org.kordamp.ikonli.materialdesign2.MaterialDesign" + l).toList();

    private final ClassLoader loader;
    private int initialised;

    StartupWarmup(ClassLoader loader) {
        this.loader = loader;
    }

    /** Starts the warm-up on a daemon thread named {@code studio-warmup}; returns that thread. */
    static Thread start() {
        StartupWarmup w = new StartupWarmup(StartupWarmup.class.getClassLoader());
        Thread t = new Thread(w, "studio-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
        return t;
    }

    @Override
    public void run() {
        for (String name : ICON_ENUMS) {
            try {
                Class.forName(name, true, loader);
                initialised++;
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.debug("start-up warm-up skipped {}: {}", name, e.toString());
            }
        }
    }

    /** How many classes {@link #run} initialised (tests). */
    int initialised() {
        return initialised;
    }
}
