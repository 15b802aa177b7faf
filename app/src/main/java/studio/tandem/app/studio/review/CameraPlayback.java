package studio.tandem.app.studio.review;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.app.studio.common.Background;
import studio.tandem.app.studio.common.FrameSlot;
import studio.tandem.dataset.lerobot.LeRobotDataset.VideoSegment;
import studio.tandem.dataset.video.VideoDecoder;
import studio.tandem.dataset.video.VideoException;

/**
 * The cameras of one episode kept in sync: one decoder thread per camera decodes the frame asked
 * for by {@link #show(int)} into that camera's {@link FrameSlot}. Requests made faster than a
 * camera decodes coalesce to the newest (counted per camera as skipped). Construct on a worker
 * thread (it opens files); {@link #show} from any thread; {@link #close} from any thread.
 */
final class CameraPlayback implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraPlayback.class);

    /**
     * A camera of the episode.
     *
     * @param key the video feature, e.g. {@code observation.images.wrist}
     * @param slot the frames, null when the camera cannot be shown
     * @param problem why it cannot be shown (missing file, decode error), empty otherwise
     */
    record Camera(String key, FrameSlot slot, String problem) {
    }

    private final List<Camera> cameras = new ArrayList<>();
    private final List<Decoder> decoders = new ArrayList<>();

    CameraPlayback(List<VideoSegment> segments) {
        for (VideoSegment s : segments) {
            if (!s.exists()) {
                cameras.add(new Camera(s.videoKey(), null, "missing video file " + s.file()));
                continue;
            }
            try {
                VideoDecoder d = VideoDecoder.open(s.file());
                FrameSlot slot = new FrameSlot(d.width(), d.height());
                Decoder t = new Decoder(s, d, slot);
                decoders.add(t);
                cameras.add(new Camera(s.videoKey(), slot, ""));
                t.start();
            } catch (VideoException e) {
                cameras.add(new Camera(s.videoKey(), null, Background.message(e)));
            }
        }
    }

    List<Camera> cameras() {
        return List.copyOf(cameras);
    }

    /** Asks every camera for frame {@code frame} of the episode. Any thread. */
    void show(int frame) {
        for (Decoder d : decoders) {
            d.request(frame);
        }
    }

    /** Frames decoded and published, over every camera. */
    long framesDecoded() {
        long n = 0;
        for (Decoder d : decoders) {
            n += d.slot.published();
        }
        return n;
    }

    /** The frame each camera showed last (-1 before the first), in camera order of the decoders. */
    int[] shownFrames() {
        int[] out = new int[decoders.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = decoders.get(i).shown;
        }
        return out;
    }

    /** Decode failures so far, over every camera. */
    long errors() {
        long n = 0;
        for (Decoder d : decoders) {
            n += d.errors;
        }
        return n;
    }

    @Override
    public void close() {
        for (Decoder d : decoders) {
            d.shutdown();
        }
    }

    /** One camera's decoder thread: waits for a request, decodes it, publishes, repeats. */
    private static final class Decoder extends Thread {
        private final VideoSegment segment;
        private final VideoDecoder decoder;
        private final FrameSlot slot;
        private final ByteBuffer rgb;
        private int wanted = -1;
        private volatile int shown = -1;
        private volatile long errors;
        private boolean stop;

        Decoder(VideoSegment segment, VideoDecoder decoder, FrameSlot slot) {
            super("review-decoder-" + segment.videoKey());
            setDaemon(true);
            this.segment = segment;
            this.decoder = decoder;
            this.slot = slot;
            this.rgb = ByteBuffer.allocateDirect(decoder.frameBytes());
        }

        synchronized void request(int frame) {
            wanted = frame;
            notifyAll();
        }

        synchronized void shutdown() {
            stop = true;
            notifyAll();
        }

        private synchronized int next(int done) throws InterruptedException {
            while (!stop && wanted == done) {
                wait();
            }
            return stop ? Integer.MIN_VALUE : wanted;
        }

        @Override
        public void run() {
            int done = -1;
            try {
                while (true) {
                    int frame = next(done);
                    if (frame == Integer.MIN_VALUE) {
                        return;
                    }
                    decode(frame);
                    done = frame;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                decoder.close();
            }
        }

        private void decode(int frame) {
            double t = segment.fromTimestamp() + frame / (double) segment.fps();
            try {
                decoder.frameAt(t, rgb);
                FrameSlot.rgbToBgra(rgb, slot.back(), slot.width() * slot.height());
                slot.publish();
                shown = frame;
            } catch (VideoException e) {
                errors++;
                LOG.warn("{}: {}", segment.videoKey(), e.getMessage());
            }
        }
    }
}
