package studio.tandem.teleop.robot;

import studio.tandem.teleop.device.Device;

/**
 * A camera (simulated, USB...). Captures on its own thread at its own rate into preallocated buffers;
 * declares {@code observation.images.<id>} (video, [height, width, 3]). Readers copy the latest frame
 * without blocking the capture thread.
 */
public interface Camera extends Device {

    int width();

    int height();

    /** Nominal capture rate (frames per second). */
    double fps();

    /**
     * Copies the latest frame into {@code out} (same size) if its sequence is newer than
     * {@code out.sequence()}. Returns true if a new frame was copied. Any thread; never blocks for long.
     *
     * @throws IllegalStateException when not connected
     */
    boolean readLatest(CameraFrame out);

    /** Frames captured since connect. */
    long framesCaptured();

    /** Frames whose capture overran the period (the capture fell behind); counted, never silent. */
    long framesLate();
}
