package studio.tandem.teleop.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.device.DeviceThread;
import studio.tandem.teleop.input.AbstractOperatorDevice;
import studio.tandem.teleop.input.HandJointsSample;
import studio.tandem.teleop.input.PoseSample;
import studio.tandem.teleop.input.Side;

/**
 * Replays a recorded device stream as an operator device, with the original timing divided by
 * {@code speed} (1 = real time, 4 = four times faster, infinity = as fast as possible). Samples are
 * re-stamped with the injected clock when published, so downstream code sees a live device. At the
 * end it stops publishing (so the arm holds after the dropout limit) or starts over when looping.
 */
public final class ReplayDevice extends AbstractOperatorDevice {
    private final Path file;
    private final double speed;
    private final boolean loop;
    private final PoseSample pose = new PoseSample();
    private final HandJointsSample hand = new HandJointsSample();
    private final DeviceThread worker = new DeviceThread();
    private StreamReader reader;
    private int pending = -1;
    private long startNanos;
    private long published;
    private volatile boolean finished;

    /** Constructs without I/O; {@code channels} must match the file's (checked on connect). */
    public ReplayDevice(String id, NanoClock clock, Path file, List<String> channels, double speed, boolean loop) {
        super(id, clock, true, channels.toArray(new String[0]));
        if (!(speed > 0)) {
            throw new IllegalArgumentException(id + ": replay speed must be > 0, was " + speed);
        }
        this.file = file;
        this.speed = speed;
        this.loop = loop;
    }

    /**
     * Reads the file's header to learn its channels, then builds the device.
     *
     * @throws IOException naming the file when it is missing or not a device stream
     */
    public static ReplayDevice forFile(String id, NanoClock clock, Path file, double speed, boolean loop)
            throws IOException {
        try (StreamReader r = new StreamReader(file)) {
            return new ReplayDevice(id, clock, file, r.channels(), speed, loop);
        }
    }

    /** Opens the file without starting the thread (tests drive {@link #step} themselves). */
    public synchronized void open() throws DeviceException {
        if (reader != null) {
            return;
        }
        try {
            reader = new StreamReader(file);
        } catch (IOException e) {
            fault(e.getMessage());
            throw new DeviceException(e.getMessage(), e);
        }
        if (reader.channels().size() != poseChannels()) {
            String msg = file + ": has " + reader.channels().size() + " channels, the device expects " + poseChannels();
            closeReader();
            fault(msg);
            throw new DeviceException(msg);
        }
        startNanos = clock.nanoTime();
        pending = -1;
        finished = false;
        setState(DeviceState.CONNECTED);
    }

    @Override
    public synchronized void connect() throws DeviceException {
        if (worker.running()) {
            return;
        }
        open();
        worker.start("replay-" + id(), this::run);
    }

    private void run() {
        while (worker.running() && !finished) {
            long wait = step(clock.nanoTime());
            LockSupport.parkNanos(Math.max(50_000L, Math.min(wait, 5_000_000L)));
        }
    }

    /**
     * Publishes every record due at {@code now}. Device thread (or a test).
     *
     * @return nanoseconds until the next record is due (0 if one is due now, Long.MAX_VALUE at the end)
     */
    public long step(long now) {
        try {
            while (true) {
                if (pending < 0) {
                    pending = reader.next(pose, hand);
                    if (pending < 0) {
                        if (!loop || published == 0) {
                            finished = true;
                            return Long.MAX_VALUE;
                        }
                        rewind(now);
                        continue;
                    }
                }
                long due = startNanos + (Double.isInfinite(speed) ? 0 : (long) (reader.offsetNanos() / speed));
                if (due > now) {
                    return due - now;
                }
                publishPending(now);
            }
        } catch (IOException e) {
            fault(e.getMessage());
            finished = true;
            return Long.MAX_VALUE;
        }
    }

    private void publishPending(long now) {
        if (pending == StreamFormat.POSE) {
            if (reader.channel() < poseChannels()) {
                pose.setCaptureNanos(now);
                publishPose(reader.channel(), pose);
            } else {
                countDropped();
            }
        } else {
            hand.setHeader(now, hand.tracked());
            publishHand(reader.channel() == 0 ? Side.LEFT : Side.RIGHT, hand);
        }
        published++;
        pending = -1;
    }

    private void rewind(long now) throws IOException {
        closeReader();
        reader = new StreamReader(file);
        startNanos = now;
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // read-only file: nothing to lose
            }
            reader = null;
        }
    }

    /** True once the whole stream was published (never when looping). */
    public boolean finished() {
        return finished;
    }

    /** Records published so far. */
    public long publishedCount() {
        return published;
    }

    @Override
    public void close() {
        worker.stop(false, 1000);
        synchronized (this) {
            closeReader();
        }
        setState(DeviceState.DISCONNECTED);
    }
}
