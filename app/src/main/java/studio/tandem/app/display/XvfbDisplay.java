package studio.tandem.app.display;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A private X server (Xvfb) for the jobs that need a real display (3D tests, screenshots, the startup
 * bench) on a machine without one: picks a free display number, starts {@code Xvfb :N}, waits for its
 * socket, and stops it on close. JavaFX reads {@code DISPLAY} from the environment at start-up, so the
 * display is used by a child JVM ({@link #childJvm}). Any thread.
 */
public final class XvfbDisplay implements AutoCloseable {
    private final Process process;
    private final int number;

    private XvfbDisplay(Process process, int number) {
        this.process = process;
        this.number = number;
    }

    /** The Xvfb executable on the PATH, if installed. */
    public static Optional<Path> executable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, "Xvfb");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Whether this process already has a display ({@code DISPLAY} set). */
    public static boolean hasDisplay() {
        String d = System.getenv("DISPLAY");
        return d != null && !d.isBlank();
    }

    /**
     * Starts Xvfb on a free display (1600×1000×24).
     *
     * @throws IOException when Xvfb is not installed or did not come up within 10 s
     */
    public static XvfbDisplay start() throws IOException {
        Path xvfb = executable().orElseThrow(() -> new IOException("Xvfb is not installed (apt-get install xvfb)"));
        for (int n = 90 + (int) (ProcessHandle.current().pid() % 50); n < 400; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process p = new ProcessBuilder(xvfb.toString(), ":" + n, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (awaitSocket(p, n)) {
                return new XvfbDisplay(p, n);
            }
            p.destroy();
        }
        throw new IOException("Xvfb did not start on any display :90..:399");
    }

    private static boolean awaitSocket(Process p, int n) {
        Path socket = Path.of("/tmp/.X11-unix/X" + n);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                return false;
            }
            if (Files.exists(socket)) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** The value for {@code DISPLAY}, e.g. {@code :93}. */
    public String name() {
        return ":" + number;
    }

    /**
     * A command line running {@code mainClass} in a new JVM on this JVM's class path, with the
     * hardware (es2) pipeline, so 3D renders; set {@code DISPLAY} to {@link #name()} in its environment.
     */
    public static List<String> childJvm(String mainClass, List<String> jvmArgs, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Dprism.order=es2");
        cmd.add("-Dprism.forceGPU=true");
        String home = System.getProperty("tandem.home");
        if (home != null) {
            cmd.add("-Dtandem.home=" + home);
        }
        cmd.addAll(jvmArgs);
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
