package studio.tandem.app.cli;

import java.io.IOException;
import java.util.List;
import studio.tandem.app.display.XvfbDisplay;

/**
 * Runs a JavaFX job that needs a display in a child JVM: on this process's display when {@code
 * DISPLAY} is set, else on a private Xvfb started for the job (and stopped after). The child uses the
 * hardware pipeline (es2), so 3D renders. Command thread.
 */
final class DisplayJob {
    private DisplayJob() {
    }

    /** A started child, with the display it runs on; close to stop a private Xvfb. */
    record Child(Process process, String display, boolean privateX, XvfbDisplay xvfb) implements AutoCloseable {
        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroy();
            }
            if (xvfb != null) {
                xvfb.close();
            }
        }
    }

    /** Opens a display for the children ({@code null} when this process has one). */
    static XvfbDisplay display() {
        if (XvfbDisplay.hasDisplay()) {
            return null;
        }
        try {
            return XvfbDisplay.start();
        } catch (IOException e) {
            throw new UserError("no display: DISPLAY is not set and " + e.getMessage());
        }
    }

    /** Starts {@code mainClass args} on {@code xvfb} (or this process's display when null). */
    static Process start(XvfbDisplay xvfb, String mainClass, List<String> jvmArgs, List<String> args,
            boolean inheritOutput) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(XvfbDisplay.childJvm(mainClass,
                concat(List.of("--add-opens=java.base/java.nio=ALL-UNNAMED"), jvmArgs), args));
        if (xvfb != null) {
            pb.environment().put("DISPLAY", xvfb.name());
        }
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        if (inheritOutput) {
            pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        }
        return pb.start();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
