package studio.tandem.dataset.video;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

/**
 * The {@code ffmpeg} and {@code ffprobe} programs that JavaCV bundles (same FFmpeg build as the
 * libraries): tests use {@code ffprobe} as an independent check of our files, benchmarks compare our
 * encoder with {@code ffmpeg}. Nothing to install; the binaries are extracted from the JavaCPP jar on
 * first use. Any thread; each call starts its own process.
 */
public final class FfmpegTools {

    /** What a finished process printed. {@code exitCode} is the program's exit status. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** The last non-blank line of stderr, for one-line error messages. */
        public String lastErrorLine() {
            String[] lines = stderr.strip().split("\n");
            return lines.length == 0 ? "" : lines[lines.length - 1].strip();
        }
    }

    private FfmpegTools() {
    }

    /** Path of the bundled {@code ffprobe} executable. */
    public static Path ffprobe() throws VideoException {
        return load(org.bytedeco.ffmpeg.ffprobe.class, "ffprobe");
    }

    /** Path of the bundled {@code ffmpeg} executable. */
    public static Path ffmpeg() throws VideoException {
        return load(org.bytedeco.ffmpeg.ffmpeg.class, "ffmpeg");
    }

    private static Path load(Class<?> tool, String name) throws VideoException {
        try {
            String path = Loader.load(tool);
            if (path == null) {
                throw new VideoException(Path.of(name), "not bundled for platform " + Loader.getPlatform());
            }
            return Path.of(path);
        } catch (UnsatisfiedLinkError e) {
            throw new VideoException(Path.of(name), "cannot extract the bundled binary: " + e.getMessage(), e);
        }
    }

    /** Runs the bundled {@code ffprobe} with {@code args}; see {@link #run(Path, List, Duration)}. */
    public static Result ffprobe(List<String> args, Duration timeout) throws VideoException {
        return run(ffprobe(), args, timeout);
    }

    /** Runs the bundled {@code ffmpeg} with {@code args}; see {@link #run(Path, List, Duration)}. */
    public static Result ffmpeg(List<String> args, Duration timeout) throws VideoException {
        return run(ffmpeg(), args, timeout);
    }

    /**
     * Runs {@code program} with {@code args}, its libraries found beside it, and waits for it.
     *
     * @throws VideoException if it cannot start (e.g. a system library such as {@code libpulse.so.0}
     *                        that FFmpeg's device library links is missing: install {@code libpulse0})
     *                        or does not finish within {@code timeout} (it is then killed)
     */
    public static Result run(Path program, List<String> args, Duration timeout) throws VideoException {
        List<String> cmd = new ArrayList<>(args.size() + 1);
        cmd.add(program.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        String libs = program.getParent().toString();
        String old = pb.environment().get("LD_LIBRARY_PATH");
        pb.environment().put("LD_LIBRARY_PATH", old == null || old.isEmpty() ? libs : libs + ":" + old);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new VideoException(program, "did not finish within " + timeout.toSeconds() + " s");
            }
            Result result = new Result(p.exitValue(), out.join(), err.join());
            if (result.exitCode() == 127 && result.stderr().contains("error while loading shared libraries")) {
                throw new VideoException(program, "cannot start: " + result.lastErrorLine());
            }
            return result;
        } catch (IOException e) {
            throw new VideoException(program, "cannot start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VideoException(program, "interrupted while waiting for it", e);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
