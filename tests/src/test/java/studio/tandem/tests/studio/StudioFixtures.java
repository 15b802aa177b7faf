package studio.tandem.tests.studio;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.testfx.util.WaitForAsyncUtils;
import studio.tandem.app.sample.SampleDatasetWriter;
import studio.tandem.app.studio.StudioApp;
import studio.tandem.app.studio.StudioContext;
import studio.tandem.app.studio.StudioWindow;
import studio.tandem.app.studio.common.FrameSlot;
import studio.tandem.dataset.video.synthetic.FrameBarcode;

/** Shared helpers of the GUI tests: sample datasets, the LeRobot fixture, waiting on the FX thread. */
final class StudioFixtures {
    static final int W = 256;
    static final int H = 192;

    private StudioFixtures() {
    }

    /** Writes the sample dataset (4 episodes × 90 frames, two cameras) under {@code dir}. */
    static Path sample(Path dir) throws Exception {
        Path root = dir.resolve("sample");
        new SampleDatasetWriter(W, H).write(root, 4, 90);
        return root;
    }

    /** The real LeRobot v3.0 fixture, or a skipped test where it is absent. */
    static Path lerobotFixture() {
        String prop = System.getProperty("tandem.fixtures");
        Path dir = prop != null ? Path.of(prop) : Path.of("../../shared/fixtures");
        Path f = dir.resolve("lerobot-v3-so101");
        Assumptions.assumeTrue(Files.isDirectory(f), "fixture folder absent: " + f);
        return f;
    }

    /** Waits (up to 20 s) until {@code condition}, evaluated on the FX thread, holds. */
    static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (Exception e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
    }

    /** Like {@link #waitUntil(String, BooleanSupplier)}, describing the state on timeout. */
    static void waitUntil(String what, BooleanSupplier condition, java.util.function.Supplier<String> state) {
        try {
            waitUntil(what, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; state: " + state.get(), e);
        }
    }

    /** Opens the studio window over {@code ctx} on {@code stage}, themed as StudioApp does. FX thread. */
    static StudioWindow show(Stage stage, StudioContext ctx) {
        StudioApp.applyTheme();
        StudioWindow window = new StudioWindow(ctx, new ReviewWorkspaceTest.RecordingStop());
        stage.setScene(window.scene());
        stage.show();
        return window;
    }

    /** Closes what {@link #show} opened: the window on the FX thread, then the context (its session). */
    static void close(StudioWindow window, StudioContext ctx) {
        fx(window::close);
        ctx.close();
    }

    /** Runs {@code r} on the FX thread and waits for it. */
    static void fx(Runnable r) {
        WaitForAsyncUtils.waitForAsyncFx(10_000, r);
    }

    /** Reads the frame index barcoded into the newest frame of {@code slot}, empty if none yet. */
    static OptionalLong barcode(FrameSlot slot) {
        ByteBuffer bgra = ByteBuffer.allocateDirect(slot.width() * slot.height() * 4);
        if (slot.copyIfNewer(-1, bgra) < 0) {
            return OptionalLong.empty();
        }
        ByteBuffer rgb = ByteBuffer.allocate(slot.width() * slot.height() * 3);
        for (int i = 0; i < slot.width() * slot.height(); i++) {
            rgb.put(i * 3, bgra.get(i * 4 + 2));
            rgb.put(i * 3 + 1, bgra.get(i * 4 + 1));
            rgb.put(i * 3 + 2, bgra.get(i * 4));
        }
        return FrameBarcode.read(rgb, 0, slot.width(), slot.height());
    }

    static boolean isFxThread() {
        return Platform.isFxApplicationThread();
    }
}
