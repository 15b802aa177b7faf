package studio.tandem.recorder.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import studio.tandem.dataset.video.VideoConcat;
import studio.tandem.dataset.video.VideoDecoder;
import studio.tandem.dataset.video.VideoEncoder;
import studio.tandem.dataset.video.VideoException;
import studio.tandem.dataset.video.VideoProbe;
import studio.tandem.dataset.video.VideoSettings;

/**
 * Crash-tolerant staging of a live-encoded camera stream as a run of short, complete MP4 segments
 * ({@code <staged>.<firstRow>.mp4}, {@code segmentFrames} frames each, every one finalised and moved
 * into place atomically by {@link VideoEncoder}; one encoder per stream rolls over from segment to
 * segment, {@link VideoEncoder#rollOver}, so a segment costs no encoder re-open). A hard kill loses
 * only the segment being written (at most {@code segmentFrames} frames); every closed segment is a normal MP4. While recording, a
 * joiner thread appends each closed segment in place to the stream's joined MP4
 * ({@code <staged>.joined.mp4}, {@link VideoConcat#appendInPlace}, crash-safe) and deletes it, so at
 * save time the joined file only needs the last segment and a rename. A crash cut inside the joined
 * file (recovery only) re-encodes the kept frames. Thread-safe; each sink belongs to one encoder
 * thread. The joiner thread starts with the first closed segment and ends on {@link #close()}.
 */
public final class SegmentedVideo implements StagedVideo {
    private final VideoSettings settings;
    private final int segmentFrames;
    private ExecutorService joiner;

    /**
     * @param settings      codec settings of the live encoders (also used for the episode files)
     * @param segmentFrames frames per staged segment (e.g. one second's worth)
     */
    public SegmentedVideo(VideoSettings settings, int segmentFrames) {
        if (segmentFrames < 1) {
            throw new IllegalArgumentException("segment frames must be >= 1, was " + segmentFrames);
        }
        this.settings = settings;
        this.segmentFrames = segmentFrames;
    }

    public VideoSettings settings() {
        return settings;
    }

    @Override
    public void warmUp(Path scratchDir) throws IOException {
        Path f = scratchDir.resolve(".warmup.mp4");
        VideoEncoder e = VideoEncoder.open(f, 64, 80, 30, settings);
        ByteBuffer px = ByteBuffer.allocateDirect(64 * 80 * 3);
        e.encode(px, 0);
        e.close();
        Files.deleteIfExists(f);
    }

    private synchronized ExecutorService joiner() {
        if (joiner == null) {
            joiner = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "segment-joiner");
                t.setDaemon(true);
                return t;
            });
        }
        return joiner;
    }

    /**
     * Ends the joiner thread once the joins already submitted are done (the sinks must be closed first).
     * Idempotent; a later sink starts a new joiner.
     */
    @Override
    public synchronized void close() {
        ExecutorService j = joiner;
        joiner = null;
        if (j == null) {
            return;
        }
        j.shutdown();
        try {
            if (!j.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                j.shutdownNow();
            }
        } catch (InterruptedException e) {
            j.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    static Path joined(Path staged) {
        return staged.resolveSibling(staged.getFileName() + ".joined.mp4");
    }

    static Path segment(Path staged, long firstRow) {
        return staged.resolveSibling(staged.getFileName() + String.format(Locale.ROOT, ".%08d.mp4", firstRow));
    }

    @Override
    public VideoSink open(Path staged, int width, int height, double fps) throws IOException {
        int ifps = (int) Math.round(fps);
        if (Math.abs(ifps - fps) > 1e-9) {
            throw new IOException(staged + ": fps " + fps + " is not an integer (LeRobot stores integer fps)");
        }
        return new Sink(staged, width, height, ifps);
    }

    private final class Sink implements VideoSink {
        private final Path staged;
        private final int width;
        private final int height;
        private final int fps;
        private VideoEncoder encoder;
        private Future<?> lastJoin;

        Sink(Path staged, int width, int height, int fps) {
            this.staged = staged;
            this.width = width;
            this.height = height;
            this.fps = fps;
        }

        @Override
        public void encode(ByteBuffer rgb, long frameIndex) throws IOException {
            if (encoder == null) {
                encoder = VideoEncoder.open(segment(staged, frameIndex), width, height, fps, settings);
            }
            rgb.position(0);
            encoder.encode(rgb, frameIndex);
            if (encoder.framesEncoded() == segmentFrames) {
                // the segment is complete now; the same open encoder continues in the next one
                Path seg = encoder.target();
                encoder.rollOver(segment(staged, frameIndex + 1));
                join(seg);
            }
        }

        private void closeSegment() throws IOException {
            VideoEncoder e = encoder;
            encoder = null;
            if (e.framesEncoded() == 0) {
                e.abort();
                return;
            }
            e.close();
            join(e.target());
        }

        private void join(Path seg) throws IOException {
            checkJoin(false);
            lastJoin = joiner().submit(() -> {
                VideoConcat.appendInPlace(joined(staged), seg);
                Files.delete(seg);
                return null;
            });
        }

        /** Surfaces a failed join; with {@code wait}, also waits for the last one. */
        private void checkJoin(boolean wait) throws IOException {
            if (lastJoin == null || (!wait && !lastJoin.isDone())) {
                return;
            }
            try {
                lastJoin.get();
            } catch (ExecutionException ex) {
                throw new IOException(staged.getFileName() + ": joining a segment failed: "
                        + ex.getCause().getMessage(), ex.getCause());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while joining segments", ex);
            }
        }

        @Override
        public void flush() {
            // durability unit is the segment: each is complete once closed
        }

        @Override
        public void close() throws IOException {
            if (encoder != null) {
                closeSegment();
            }
            checkJoin(true);
        }
    }

    /** The complete segments of a staged stream, in row order, stopping at the first gap. */
    private List<Path> segments(Path staged) throws IOException {
        List<Path> found = new ArrayList<>();
        Path dir = staged.toAbsolutePath().getParent();
        String prefix = staged.getFileName() + ".";
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, prefix + "*.mp4")) {
            ds.forEach(found::add);
        }
        found.sort(null);
        return found;
    }

    private static int frames(Path f) throws IOException {
        return Files.exists(f) ? VideoProbe.probe(f).frameCount() : 0;
    }

    @Override
    public int countFrames(Path staged) throws IOException {
        int frames;
        try {
            frames = frames(joined(staged));
        } catch (VideoException e) {
            return 0;
        }
        for (Path seg : segments(staged)) {
            if (!seg.equals(segment(staged, frames))) {
                continue;
            }
            try {
                frames += VideoProbe.probe(seg).frameCount();
            } catch (VideoException e) {
                break;
            }
        }
        return frames;
    }

    @Override
    public void finish(Path staged, Path mp4, int frames) throws IOException {
        Path joined = joined(staged);
        int covered = frames(joined);
        if (covered > frames) {
            trim(joined, mp4, frames);
            return;
        }
        for (Path seg : segments(staged)) {
            if (covered >= frames) {
                break;
            }
            if (!seg.equals(segment(staged, covered))) {
                continue;
            }
            int n = VideoProbe.probe(seg).frameCount();
            if (covered + n > frames) {
                Path cut = seg.resolveSibling(seg.getFileName() + ".trim.mp4");
                trim(seg, cut, frames - covered);
                seg = cut;
                n = frames - covered;
            }
            VideoConcat.appendInPlace(joined, seg);
            covered += n;
        }
        if (covered != frames) {
            throw new IOException(staged.getFileName() + ": staged video holds " + covered + " frames, "
                    + frames + " needed");
        }
        Files.move(joined, mp4, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Re-encodes the first {@code keep} frames of {@code in} into {@code out} (only at a crash cut). */
    private void trim(Path in, Path out, int keep) throws IOException {
        try (VideoDecoder dec = VideoDecoder.open(in)) {
            ByteBuffer frame = ByteBuffer.allocateDirect(dec.frameBytes());
            VideoEncoder enc = VideoEncoder.open(out, dec.width(), dec.height(), (int) Math.round(dec.fps()), settings);
            try {
                for (int i = 0; i < keep; i++) {
                    if (!dec.next(frame)) {
                        throw new IOException(in + ": ended after " + i + " frames");
                    }
                    enc.encode(frame, i);
                }
                enc.close();
            } catch (IOException | RuntimeException e) {
                enc.abort();
                throw e;
            }
        }
    }
}
