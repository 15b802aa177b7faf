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
import studio.tandem.dataset.video.VideoConcat;
import studio.tandem.dataset.video.VideoDecoder;
import studio.tandem.dataset.video.VideoEncoder;
import studio.tandem.dataset.video.VideoException;
import studio.tandem.dataset.video.VideoProbe;
import studio.tandem.dataset.video.VideoSettings;

/**
 * Crash-tolerant staging of a live-encoded camera stream as a run of short, complete MP4 segments
 * ({@code <staged>.<firstRow>.mp4}, {@code segmentFrames} frames each, every one finalised and moved
 * into place atomically by {@link VideoEncoder}). A hard kill loses only the segment being written
 * (at most {@code segmentFrames} frames); every closed segment is a normal MP4. At save time the
 * segments are joined by stream copy ({@link VideoConcat}) into the episode's MP4; a cut that does not
 * fall on a segment boundary re-encodes only the partial segment. Thread-safe; each sink belongs to
 * one encoder thread.
 */
public final class SegmentedVideo implements StagedVideo {
    private final VideoSettings settings;
    private final int segmentFrames;

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
                VideoEncoder e = encoder;
                encoder = null;
                e.close();
            }
        }

        @Override
        public void flush() {
            // durability unit is the segment: each is complete once closed
        }

        @Override
        public void close() throws IOException {
            if (encoder != null) {
                VideoEncoder e = encoder;
                encoder = null;
                e.close();
            }
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

    @Override
    public int countFrames(Path staged) throws IOException {
        int frames = 0;
        for (Path seg : segments(staged)) {
            if (!seg.equals(segment(staged, frames))) {
                break;
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
        List<Path> segs = segments(staged);
        List<Path> use = new ArrayList<>();
        int covered = 0;
        for (int k = 0; k < segs.size() && covered < frames; k++) {
            Path seg = segs.get(k);
            if (!seg.equals(segment(staged, covered))) {
                break;
            }
            // a segment's length is where the next one starts; only the last one is probed
            int n = k + 1 < segs.size() && segs.get(k + 1).equals(segment(staged, covered + segmentFrames))
                    ? segmentFrames : VideoProbe.probe(seg).frameCount();
            if (covered + n > frames) {
                seg = trim(seg, frames - covered);
                n = frames - covered;
            }
            use.add(seg);
            covered += n;
        }
        if (covered != frames) {
            throw new IOException(staged.getFileName() + ": staged video holds " + covered + " frames, "
                    + frames + " needed");
        }
        Path tmp = mp4.resolveSibling(mp4.getFileName() + ".joining.mp4");
        Files.deleteIfExists(tmp);
        VideoConcat.append(tmp, use);
        Files.move(tmp, mp4, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Re-encodes the first {@code keep} frames of a segment (only at a crash cut). */
    private Path trim(Path seg, int keep) throws IOException {
        Path out = seg.resolveSibling(seg.getFileName() + ".trim.mp4");
        try (VideoDecoder dec = VideoDecoder.open(seg)) {
            ByteBuffer frame = ByteBuffer.allocateDirect(dec.frameBytes());
            VideoEncoder enc = VideoEncoder.open(out, dec.width(), dec.height(), (int) Math.round(dec.fps()), settings);
            try {
                for (int i = 0; i < keep; i++) {
                    if (!dec.next(frame)) {
                        throw new IOException(seg + ": ended after " + i + " frames");
                    }
                    enc.encode(frame, i);
                }
                enc.close();
            } catch (IOException | RuntimeException e) {
                enc.abort();
                throw e;
            }
        }
        return out;
    }
}
