package studio.tandem.recorder.capture;

import java.util.concurrent.locks.LockSupport;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.recorder.ring.FrameRing;
import studio.tandem.recorder.ring.FrameSlot;

/**
 * The camera thread's handle on one camera stream: claim a preallocated slot, write RGB24 pixels into
 * its buffer, publish it with the capture time. One camera thread only; never blocks, never
 * allocates. When every slot is taken (the encoder fell behind) {@link #claim()} returns null and the
 * frame is counted as dropped.
 */
public final class CameraInput {
    private final VisualFeature feature;
    private final FrameRing ring;
    private volatile Thread consumer;

    public CameraInput(VisualFeature feature, int slots) {
        this.feature = feature;
        this.ring = new FrameRing(feature.width(), feature.height(), slots);
    }

    /** A free slot to fill (RGB24, {@code width*height*3} bytes from index 0), or null (counted drop). */
    public FrameSlot claim() {
        return ring.claim();
    }

    /** Publishes the claimed slot, captured at {@code captureNanos} (process clock, ns), and wakes the encoder. */
    public void publish(long captureNanos) {
        ring.publish(captureNanos);
        Thread c = consumer;
        if (c != null) {
            LockSupport.unpark(c);
        }
    }

    /** The encoder thread to wake on each publish (it parks between frames instead of polling). */
    void wakeOnPublish(Thread encoderThread) {
        consumer = encoderThread;
    }

    public VisualFeature feature() {
        return feature;
    }

    /** Frames dropped since creation. Any thread. */
    public long dropCount() {
        return ring.dropCount();
    }

    /** Frames published since creation. Any thread. */
    public long publishedCount() {
        return ring.publishedCount();
    }

    FrameRing ring() {
        return ring;
    }
}
