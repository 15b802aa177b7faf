package studio.tandem.app.studio.shots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import studio.tandem.app.studio.ShellViewModel;
import studio.tandem.app.studio.StudioApp;
import studio.tandem.app.studio.StudioContext;
import studio.tandem.app.studio.StudioWindow;
import studio.tandem.app.studio.Workspace;
import studio.tandem.app.studio.session.SessionSettings;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.recorder.episode.Outcome;

/**
 * Takes a PNG of each workspace on the simulated station with real content: Collect while an
 * episode is being recorded and the keyboard moves the arm; Correct with the shipped hand policy
 * running, a language correction sent and the operator intervening; Review with the two episodes
 * just recorded open. Runs the studio in this JVM (needs a display: a real one or Xvfb); the driver
 * thread waits on the FX thread, never the other way round.
 */
public final class Screenshots {
    private final Path out;
    private final Path work;
    private StudioWindow window;
    private StudioContext ctx;

    private Screenshots(Path out, Path work) {
        this.out = out;
        this.work = work;
    }

    /** Entry point of the child JVM: {@code Screenshots DIR}. Exit 0 with the files written, 1 on failure. */
    public static void main(String[] args) {
        try {
            for (Path p : take(Path.of(args[0]))) {
                System.out.println(p);
            }
            System.exit(0);
        } catch (Exception e) {
            System.err.println("screenshots: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Takes the three screenshots into {@code dir}; returns the files. */
    public static List<Path> take(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory("tandem-shots");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Screenshots s = new Screenshots(dir, work);
        try {
            s.open();
            List<Path> files = new ArrayList<>();
            files.add(s.collect());
            files.add(s.correct());
            files.add(s.review());
            return files;
        } finally {
            s.close();
            Platform.exit();
        }
    }

    private void open() throws Exception {
        FxWait.run(() -> {
            StudioApp.applyTheme();
            ctx = new StudioContext(NanoClock.SYSTEM, work, work.resolve("station.yaml"));
            ctx.useSession(SessionSettings.defaults(work.resolve("sim-station")));
            window = new StudioWindow(ctx, new NoStop());
            Stage stage = new Stage();
            stage.setTitle("Tandem Studio");
            stage.setScene(window.scene());
            stage.show();
            window.shell().workspaceProperty().set(Workspace.COLLECT);
        });
        FxWait.until("the simulated station", 120, () -> window.sessions().session() != null);
        FxWait.until("the first camera frames", 30, () -> window.collectView().cameras().surfaces().stream()
                .allMatch(v -> v.framesShown() > 0));
    }

    private Path collect() throws Exception {
        hold("R", 700);
        FxWait.run(() -> window.collect().taskProperty().set("pick up the red cube"));
        FxWait.run(() -> window.collect().start());
        FxWait.until("recording", 30, () -> window.collect().recordingProperty().get());
        hold("W", 900);
        hold("A", 600);
        hold("G", 500);
        Thread.sleep(1200);
        Path png = shot("collect.png");
        FxWait.run(() -> window.collect().label(Outcome.SUCCESS));
        FxWait.run(() -> window.collect().stopAndSave());
        FxWait.until("episode saved", 60, () -> window.collect().savedProperty().get() == 1);
        return png;
    }

    /** The policy path as the picture shows it: relative to the working directory where it lies below it. */
    private static String shown(Path policy) {
        Path here = Path.of("").toAbsolutePath();
        Path p = policy.toAbsolutePath().normalize();
        return p.startsWith(here) ? here.relativize(p).toString() : p.toString();
    }

    private Path correct() throws Exception {
        Path policy = ctx.defaultPolicy();
        if (!Files.isRegularFile(policy)) {
            throw new IOException("the shipped hand policy is missing: " + policy);
        }
        FxWait.run(() -> {
            window.shell().workspaceProperty().set(Workspace.CORRECT);
            window.correct().policyPathProperty().set(shown(policy));
            window.correct().load();
        });
        FxWait.until("the policy", 60, () -> window.correct().loadedProperty().get());
        FxWait.run(() -> window.collect().start());
        FxWait.until("recording", 30, () -> window.collect().recordingProperty().get());
        hold("F", 800);
        Thread.sleep(1500);
        FxWait.run(() -> {
            window.correct().correctionProperty().set("use a pinch grasp");
            window.correct().sendCorrection();
            window.correct().setTakeover(true);
        });
        hold("W", 600);
        Thread.sleep(1200);
        Path png = shot("correct.png");
        FxWait.run(() -> window.correct().setTakeover(false));
        Thread.sleep(500);
        FxWait.run(() -> window.collect().stopAndSave());
        FxWait.until("episode saved", 60, () -> window.collect().savedProperty().get() == 2);
        return png;
    }

    private Path review() throws Exception {
        Path ds = ctx.session().dataset();
        FxWait.run(() -> {
            window.shell().workspaceProperty().set(Workspace.REVIEW);
            window.review().open(ds);
        });
        FxWait.until("the recorded episodes", 60, () -> window.review().rows().size() == 2
                && window.review().player().lengthProperty().get() > 0);
        FxWait.run(() -> window.review().selectedProperty().set(window.review().rows().get(1)));
        FxWait.until("episode 1", 30, () -> window.review().player().lengthProperty().get() > 0
                && !window.review().plots().spans().isEmpty());
        FxWait.run(() -> window.review().player().seek(window.review().player().lengthProperty().get() * 2 / 3));
        Thread.sleep(1500);
        return shot("review.png");
    }

    private void hold(String key, long millis) throws Exception {
        FxWait.run(() -> window.collect().keyDown(key));
        Thread.sleep(millis);
        FxWait.run(() -> window.collect().keyUp(key));
    }

    private Path shot(String name) throws Exception {
        Path file = out.resolve(name);
        WritableImage img = FxWait.call(() -> window.scene().snapshot(null));
        Path tmp = studio.tandem.dataset.io.TempFiles.beside(file, ".tmp");
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", tmp.toFile());
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private void close() throws Exception {
        if (window != null) {
            FxWait.run(window::close);
        }
        if (ctx != null) {
            ctx.close();
        }
    }

    /** The screenshot run has no robot to stop beyond the simulated one (the session's own e-stop). */
    private static final class NoStop implements ShellViewModel.EmergencyStop {
        @Override
        public void engage(String reason) {
        }

        @Override
        public void reset() {
        }
    }
}
