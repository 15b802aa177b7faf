package studio.tandem.dataset.video.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import studio.tandem.dataset.video.EpisodeSpan;
import studio.tandem.dataset.video.FfmpegTools;
import studio.tandem.dataset.video.VideoConcat;
import studio.tandem.dataset.video.VideoEncoder;
import studio.tandem.dataset.video.VideoException;
import studio.tandem.dataset.video.VideoSettings;
import studio.tandem.dataset.video.synthetic.SyntheticFrames;

/**
 * Measurements of the video layer for {@code ./tandem bench video}: our encoder on N parallel cameras,
 * the bundled {@code ffmpeg} binary on the same frames and settings, and the time to append an episode
 * to a large multi-episode file. Frames are rendered before timing (a ring of one second), so only
 * encoding is measured. Blocking; call from a worker thread.
 */
public final class VideoBench {

    private final Path dir;

    /** Writes its files under {@code dir} (created if missing; files are deleted after each run). */
    public VideoBench(Path dir) {
        this.dir = dir;
    }

    /** Encodes {@code frames} synthetic frames on each of {@code cameras} threads at once. */
    public EncodeBenchResult encode(VideoSettings s, int width, int height, int fps, int frames, int cameras)
            throws VideoException, InterruptedException {
        ByteBuffer[] ring = renderRing(width, height, fps);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicReference<VideoException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        Path[] files = new Path[cameras];
        for (int c = 0; c < cameras; c++) {
            files[c] = dir.resolve("bench-cam" + c + ".mp4");
            Path file = files[c];
            threads.add(new Thread(() -> encodeOne(file, s, width, height, fps, frames, ring, failure), "bench-enc-" + c));
        }
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        if (failure.get() != null) {
            throw failure.get();
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += size(f);
            delete(f);
        }
        return new EncodeBenchResult(s.codec(), cameras, frames, wall, cpu, frames / wall,
                cpu * 1000 / ((double) frames * cameras), bytes / cameras);
    }

    private static void encodeOne(Path file, VideoSettings s, int w, int h, int fps, int frames, ByteBuffer[] ring,
            AtomicReference<VideoException> failure) {
        try (VideoEncoder enc = VideoEncoder.open(file, w, h, fps, s)) {
            for (int i = 0; i < frames; i++) {
                enc.encode(ring[i % ring.length], i * 1_000_000_000L / fps);
            }
        } catch (VideoException e) {
            failure.compareAndSet(null, e);
        }
    }

    /**
     * Our encoder on the frames {@link #ffmpegBinary} encodes (same renderer, settings and count), on
     * the calling thread, unpaced: the like-for-like counterpart of the ffmpeg run. Its CPU time is
     * the calling thread's (user + system, {@code ThreadMXBean}); the codec runs on that thread when
     * {@code threads} is 1. Each frame is handed over as a direct buffer, as the recorder does.
     */
    public EncodeBenchResult ourEncoder(VideoSettings s, int width, int height, int fps, int frames)
            throws VideoException {
        ByteBuffer[] ring = renderRing(width, height, fps);
        Path out = dir.resolve("bench-ours.mp4");
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        try (VideoEncoder enc = VideoEncoder.open(out, width, height, fps, s)) {
            for (int i = 0; i < frames; i++) {
                enc.encode(ring[i % ring.length], i * 1_000_000_000L / fps);
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        long bytes = size(out);
        delete(out);
        return new EncodeBenchResult(s.codec(), 1, frames, wall, cpu, frames / wall, cpu * 1000 / frames, bytes);
    }

    /**
     * Encodes the same frames with the bundled {@code ffmpeg} binary (raw RGB24 from a file, same
     * codec, gop, quality, preset and threads); returns its wall time and the CPU time it reports with
     * {@code -benchmark} (user + system; reading the raw input included).
     */
    public EncodeBenchResult ffmpegBinary(VideoSettings s, int width, int height, int fps, int frames)
            throws VideoException {
        Path raw = dir.resolve("bench-frames.rgb");
        Path out = dir.resolve("bench-ffmpeg.mp4");
        writeRaw(raw, width, height, fps, frames);
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-nostats", "-v", "info", "-benchmark", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24",
                "-s", width + "x" + height, "-r", Integer.toString(fps), "-i", raw.toString()));
        args.addAll(FfmpegArgs.of(s));
        args.add(out.toString());
        long t0 = System.nanoTime();
        FfmpegTools.Result r = FfmpegTools.ffmpeg(args, Duration.ofMinutes(10));
        double wall = (System.nanoTime() - t0) / 1e9;
        if (r.exitCode() != 0) {
            throw new VideoException(out, "ffmpeg failed: " + r.lastErrorLine());
        }
        long bytes = size(out);
        delete(raw);
        delete(out);
        double cpu = benchSeconds(r.stderr(), "utime=") + benchSeconds(r.stderr(), "stime=");
        return new EncodeBenchResult(s.codec() + " (ffmpeg binary)", 1, frames, wall, cpu, frames / wall,
                cpu * 1000 / frames, bytes);
    }

    /** Parses {@code utime=1.234s} from ffmpeg's {@code -benchmark} line; NaN if absent. */
    static double benchSeconds(String stderr, String key) {
        int i = stderr.lastIndexOf(key);
        if (i < 0) {
            return Double.NaN;
        }
        int end = stderr.indexOf('s', i + key.length());
        return end < 0 ? Double.NaN : Double.parseDouble(stderr.substring(i + key.length(), end));
    }

    /**
     * Builds a multi-episode file of about {@code existingMegabytes} (copies of one encoded episode),
     * then times appending one {@code episodeSeconds} episode to it, in place
     * ({@link VideoConcat#appendInPlace}) or by a full rewrite ({@link VideoConcat#append}).
     */
    public AppendBenchResult append(VideoSettings s, int width, int height, int fps, int existingMegabytes,
            int episodeSeconds, boolean inPlace) throws VideoException {
        Path episode = dir.resolve("bench-episode.mp4");
        Path big = dir.resolve("bench-file.mp4");
        delete(big);
        encodeSynthetic(episode, s, width, height, fps, episodeSeconds * fps);
        long episodeBytes = size(episode);
        List<Path> copies = new ArrayList<>();
        long total = 0;
        while (total < existingMegabytes * 1_000_000L) {
            copies.add(episode);
            total += episodeBytes;
        }
        VideoConcat.append(big, copies);
        long existing = size(big);
        long t0 = System.nanoTime();
        EpisodeSpan span = inPlace ? VideoConcat.appendInPlace(big, episode)
                : VideoConcat.append(big, List.of(episode)).get(0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long after = size(big);
        delete(big);
        delete(episode);
        return new AppendBenchResult(inPlace, existing, episodeBytes, after, seconds, span);
    }

    private void encodeSynthetic(Path file, VideoSettings s, int w, int h, int fps, int frames)
            throws VideoException {
        ByteBuffer[] ring = renderRing(w, h, fps);
        try (VideoEncoder enc = VideoEncoder.open(file, w, h, fps, s)) {
            for (int i = 0; i < frames; i++) {
                enc.encode(ring[i % ring.length], i * 1_000_000_000L / fps);
            }
        }
    }

    private static ByteBuffer[] renderRing(int w, int h, int n) {
        SyntheticFrames gen = new SyntheticFrames(w, h);
        ByteBuffer[] ring = new ByteBuffer[n];
        for (int i = 0; i < n; i++) {
            ring[i] = ByteBuffer.allocateDirect(gen.frameBytes());
            gen.render(i, i, ring[i]);
        }
        return ring;
    }

    private void writeRaw(Path raw, int w, int h, int fps, int frames) throws VideoException {
        ByteBuffer[] ring = renderRing(w, h, fps);
        try (FileChannel ch = FileChannel.open(raw, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int i = 0; i < frames; i++) {
                ByteBuffer b = ring[i % ring.length].duplicate();
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }
        } catch (IOException e) {
            throw new VideoException(raw, "cannot write raw frames: " + e.getMessage(), e);
        }
    }

    private static long size(Path f) throws VideoException {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new VideoException(f, "cannot read size: " + e.getMessage(), e);
        }
    }

    private static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // bench scratch file
        }
    }

}
