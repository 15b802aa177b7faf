package studio.tandem.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import studio.tandem.dataset.video.FfmpegTools;
import studio.tandem.dataset.video.VideoSettings;
import studio.tandem.dataset.video.synthetic.SyntheticFrames;

/**
 * Encodes synthetic frames with the {@code ffmpeg} binary JavaCV bundles, with the codec settings the
 * recorder uses, and reports its CPU time ({@code -benchmark}): the baseline of {@code bench record}.
 */
final class FfmpegBaseline {
    private static final Pattern BENCH = Pattern.compile("bench: utime=([0-9.]+)s stime=([0-9.]+)s rtime=([0-9.]+)s");

    private FfmpegBaseline() {
    }

    /** Frames per CPU second ffmpeg needs for {@code frames} frames (rawvideo piped in, MP4 out). */
    static double encodeFps(VideoSettings s, int width, int height, int fps, int frames, Path out)
            throws IOException, InterruptedException {
        if (!"mpeg4".equals(s.codec())) {
            throw new UserError("the ffmpeg baseline only knows the mpeg4 settings, not " + s.codec());
        }
        Path bin = FfmpegTools.ffmpeg();
        ProcessBuilder pb = new ProcessBuilder(bin.toString(), "-hide_banner", "-nostats", "-benchmark",
                "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", width + "x" + height, "-r", Integer.toString(fps),
                "-i", "-", "-c:v", "mpeg4", "-q:v", Integer.toString(s.quality()), "-g", Integer.toString(s.gop()),
                "-bf", "0", "-threads", Integer.toString(s.threads()), "-pix_fmt", "yuv420p", "-y", out.toString());
        String libs = bin.getParent().toString();
        String old = pb.environment().get("LD_LIBRARY_PATH");
        pb.environment().put("LD_LIBRARY_PATH", old == null || old.isEmpty() ? libs : libs + ":" + old);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
        feed(p.getOutputStream(), width, height, frames);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("ffmpeg baseline failed: " + lastLine(err.join()));
        }
        Matcher m = BENCH.matcher(err.join());
        if (!m.find()) {
            throw new IOException("ffmpeg printed no -benchmark line");
        }
        double cpu = Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2));
        return frames / cpu;
    }

    private static void feed(OutputStream os, int width, int height, int frames) throws IOException {
        SyntheticFrames gen = new SyntheticFrames(width, height);
        ByteBuffer frame = ByteBuffer.allocate(gen.frameBytes());
        try (OutputStream o = os) {
            for (int i = 0; i < frames; i++) {
                gen.render(i, 1_000_000_000L + i * 33_333_333L, frame);
                o.write(frame.array(), 0, gen.frameBytes());
            }
        }
    }

    private static String lastLine(String s) {
        List<String> lines = s.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
