package studio.tandem.app.record;

import java.nio.ByteBuffer;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.recorder.capture.CameraInput;
import studio.tandem.recorder.ring.FrameSlot;
import studio.tandem.teleop.robot.Camera;
import studio.tandem.teleop.robot.CameraFrame;

/**
 * Moves one station camera's frames into the recorder: on its own thread it takes each new frame
 * ({@link Camera#readLatest}), copies it into a free slot of the recorder's ring and publishes it with
 * the camera's own capture stamp. A frame that finds no free slot is counted by the ring as dropped.
 * It sleeps until shortly before the next frame is due, then polls every millisecond. Allocation-free
 * per frame.
 */
final class CameraPump implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraPump.class);
    private static final long POLL_NANOS = 1_000_000L;

    private final Camera camera;
    private final CameraInput input;
    private final CameraFrame frame;
    private final int bytes;
    private final long quietNanos;
    private volatile boolean running = true;
    private volatile long published;

    CameraPump(Camera camera, CameraInput input) {
        if (camera.width() != input.feature().width() || camera.height() != input.feature().height()) {
            throw new IllegalArgumentException("camera '" + camera.id() + "': " + camera.width() + "x"
                    + camera.height() + " does not match its feature " + input.feature().name());
        }
        this.camera = camera;
        this.input = input;
        this.frame = new CameraFrame(camera.width(), camera.height());
        this.bytes = camera.width() * camera.height() * 3;
        this.quietNanos = Math.max(POLL_NANOS, Math.round(1e9 / camera.fps()) - 4 * POLL_NANOS);
    }

    void stop() {
        running = false;
    }

    /** Frames handed to the recorder (published or dropped for lack of a slot). Any thread. */
    long published() {
        return published;
    }

    @Override
    public void run() {
        try {
            while (running) {
                if (camera.readLatest(frame)) {
                    hand();
                    LockSupport.parkNanos(quietNanos);
                } else {
                    LockSupport.parkNanos(POLL_NANOS);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("camera {}: pump stopped: {}", camera.id(), e.toString());
        }
    }

    private void hand() {
        published++;
        FrameSlot slot = input.claim();
        if (slot == null) {
            return;
        }
        ByteBuffer src = frame.rgb();
        slot.pixels().put(0, src, 0, bytes);
        input.publish(frame.stampNanos());
    }
}
