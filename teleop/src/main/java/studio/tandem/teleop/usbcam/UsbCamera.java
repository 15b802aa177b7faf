package studio.tandem.teleop.usbcam;

import java.io.IOException;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.DeviceLifecycle;
import studio.tandem.teleop.device.HardwareDriver;
import studio.tandem.teleop.robot.Camera;
import studio.tandem.teleop.robot.CameraFrame;
import studio.tandem.teleop.robot.RobotFeatures;

/**
 * A USB camera through V4L2 and FFmpeg (JavaCV). {@link #connect()} opens the device and negotiates format,
 * size and rate (reported by {@link #negotiated()}); a capture thread then decodes every frame into a
 * preallocated RGB buffer, stamps it with the station clock and publishes it by swapping it with the latest
 * frame under a short lock. Frame gaps longer than 1.5 periods (by the device's timestamps) are counted as
 * late frames, and the frames missing in them as dropped. An unplugged camera → FAULT with the reason, then
 * the capture thread reopens it every {@code reconnectMs} and returns to the previous state. Allocation-free
 * per frame.
 */
public final class UsbCamera extends HardwareDriver implements Camera {
    private static final Logger LOG = LoggerFactory.getLogger(UsbCamera.class);

    private final UsbCameraConfig config;
    private final Function<UsbCameraConfig, FrameSource> sources;
    private final NanoClock clock;
    private final Object lock = new Object();
    private CameraFrame latest;
    private CameraFrame back;
    private volatile CaptureLoop loop;
    private volatile FrameSource.Negotiated negotiated;

    /** A V4L2 camera. */
    public UsbCamera(UsbCameraConfig config, NanoClock clock) {
        this(config, FfmpegFrameSource::v4l2, clock,
                HardwareDriver.daemonThreads("camera-" + config.id(), Thread.NORM_PRIORITY));
    }

    /** With another frame source (tests, files); does no I/O. */
    public UsbCamera(UsbCameraConfig config, Function<UsbCameraConfig, FrameSource> sources, NanoClock clock,
                     ThreadFactory threads) {
        super(config.id(), threads, RobotFeatures.camera(config.id(), config.width(), config.height()), FeatureSet.of());
        this.config = config;
        this.sources = sources;
        this.clock = clock;
    }

    @Override
    public int width() {
        return config.width();
    }

    @Override
    public int height() {
        return config.height();
    }

    @Override
    public double fps() {
        return config.fps();
    }

    /** What the device delivers (codec, native size, rate), or null before the first connect. */
    public FrameSource.Negotiated negotiated() {
        return negotiated;
    }

    /**
     * Opens the device with the requested format; the capture thread starts next.
     *
     * @throws DeviceException naming the device when it cannot be opened with the requested format
     */
    @Override
    protected Runnable openIo() throws DeviceException {
        FrameSource source = sources.apply(config);
        try {
            negotiated = source.open();
        } catch (IOException e) {
            source.close();
            throw new DeviceException(config.id() + ": " + e.getMessage(), e);
        }
        if (latest == null) {
            latest = new CameraFrame(config.width(), config.height());
            back = new CameraFrame(config.width(), config.height());
        }
        CaptureLoop l = new CaptureLoop(this, source);
        loop = l;
        return l;
    }

    /** Stops the capture thread and closes the device. (Cameras take no commands: ACTIVE only marks that the station runs.) */
    @Override
    protected void stopIo(boolean closing) {
        CaptureLoop l = loop;
        loop = null;
        if (l != null) {
            l.stop();
        }
    }

    @Override
    public boolean readLatest(CameraFrame out) {
        life.requireReadable();
        synchronized (lock) {
            if (latest.sequence() <= out.sequence()) {
                return false;
            }
            out.copyFrom(latest);
            return true;
        }
    }

    @Override
    public long framesCaptured() {
        CaptureLoop l = loop;
        return l == null ? 0 : l.captured();
    }

    @Override
    public long framesLate() {
        CaptureLoop l = loop;
        return l == null ? 0 : l.late();
    }

    /** Frames the device skipped (estimated from its timestamps) since connect. */
    public long framesDropped() {
        CaptureLoop l = loop;
        return l == null ? 0 : l.dropped();
    }

    /** Successful reopenings after an unplug since connect. */
    public long reconnects() {
        CaptureLoop l = loop;
        return l == null ? 0 : l.reconnects();
    }

    /** Capture thread: the buffer to decode the next frame into. */
    CameraFrame backBuffer() {
        return back;
    }

    /** Capture thread: stamps the back buffer and makes it the latest frame. */
    void publish(long stampNanos, long sequence) {
        synchronized (lock) {
            back.stamp(stampNanos, sequence);
            CameraFrame t = latest;
            latest = back;
            back = t;
        }
    }

    UsbCameraConfig config() {
        return config;
    }

    NanoClock clock() {
        return clock;
    }

    DeviceLifecycle life() {
        return life;
    }

    void reopened(FrameSource.Negotiated n) {
        negotiated = n;
    }

    static void log(String id, String message) {
        LOG.warn("{}: {}", id, message);
    }
}
