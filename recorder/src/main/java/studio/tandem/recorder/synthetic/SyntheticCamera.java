package studio.tandem.recorder.synthetic;

import java.util.concurrent.locks.LockSupport;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.dataset.video.synthetic.SyntheticFrames;
import studio.tandem.recorder.capture.CameraInput;
import studio.tandem.recorder.ring.FrameSlot;

/**
 * A camera thread without a camera: at its own rate it stamps a capture time, renders a frame whose
 * barcode carries that time (plus moving content) straight into a recorder slot and publishes it.
 * Runs on its own thread ({@link #run()}); {@link #stop()} from any thread. Allocates nothing per frame.
 */
public final class SyntheticCamera implements Runnable {
    private final CameraInput input;
    private final NanoClock clock;
    private final long periodNanos;
    private final SyntheticFrames frames;
    private volatile boolean running = true;
    private volatile long published;
    private volatile long maxLateNanos;

    /** @param fps the camera's own rate (Hz), independent of the dataset's */
    public SyntheticCamera(CameraInput input, double fps, NanoClock clock) {
        this.input = input;
        this.clock = clock;
        this.periodNanos = Math.round(1e9 / fps);
        this.frames = new SyntheticFrames(input.feature().width(), input.feature().height());
    }

    @Override
    public void run() {
        long next = clock.nanoTime();
        long index = 0;
        while (running) {
            long wait = next - clock.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            long capture = clock.nanoTime();
            if (capture - next > maxLateNanos) {
                maxLateNanos = capture - next;
            }
            FrameSlot slot = input.claim();
            if (slot != null) {
                frames.render(index, capture, slot.pixels());
                input.publish(capture);
                published++;
            }
            index++;
            next += periodNanos;
            if (clock.nanoTime() - next > 10 * periodNanos) {
                next = clock.nanoTime();
            }
        }
    }

    /** Frames published so far. Any thread. */
    public long published() {
        return published;
    }

    /** Largest delay of a capture behind its schedule so far (ns): how starved this thread was. */
    public long maxLatenessNanos() {
        return maxLateNanos;
    }

    public void stop() {
        running = false;
    }
}
