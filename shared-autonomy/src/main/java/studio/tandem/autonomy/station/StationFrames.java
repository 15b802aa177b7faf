package studio.tandem.autonomy.station;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.tandem.autonomy.policy.FrameShrinker;
import studio.tandem.autonomy.policy.ManifestInput;
import studio.tandem.autonomy.policy.PolicyFrames;
import studio.tandem.autonomy.policy.ShrunkFrame;
import studio.tandem.autonomy.policy.ShrunkSlot;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceThread;
import studio.tandem.teleop.robot.Camera;
import studio.tandem.teleop.robot.CameraFrame;

/**
 * The station's cameras as the policy's {@link PolicyFrames}: camera input {@code observation.images.<id>}
 * reads camera {@code <id>}. A thread of its own ({@link #start}) takes each new camera frame
 * ({@link Camera#readLatest} into one preallocated direct {@link CameraFrame} per camera, the camera
 * interface's one copy) and shrinks it, straight from that buffer, to the size every camera input of
 * the policy declares, into a lock-free {@link ShrunkSlot}; the policy thread then copies only the small
 * images. Between frames the thread sleeps until shortly before the next frame of a camera is due
 * (from its fps), then polls every 0.5 ms. Allocation-free per frame. Counted: frames shrunk, frames
 * the policy reused (stale), camera frames that came and went between two passes (skipped), failed
 * reads. An input whose camera the station lacks never has a frame.
 */
public final class StationFrames implements PolicyFrames {
    private static final Logger LOG = LoggerFactory.getLogger(StationFrames.class);
    private static final String PREFIX = "observation.images.";
    private static final long POLL_NANOS = 500_000L;
    private static final long EARLY_NANOS = 2_000_000L;
    /** Wait of a thread that has no camera to read (the station lacks every camera the policy reads). */
    private static final long IDLE_NANOS = 100_000_000L;

    private final Camera[] cameras;
    private final CameraFrame[] frames;
    private final long[] periods;
    private final long[] due;
    private final int[] cameraOf;
    private final FrameShrinker[] shrinkers;
    private final ShrunkSlot[] slots;
    private final NanoClock clock;
    private final DeviceThread thread = new DeviceThread();
    private volatile long shrunk;
    private volatile long skipped;
    private volatile long readErrors;

    /**
     * @param station the station's cameras
     * @param inputs the policy's camera inputs in manifest order ({@code PolicyInputs#cameras()})
     * @param clock the process clock the thread schedules its polls by
     * @throws IllegalArgumentException when an input's crop lies outside its camera's frame
     */
    public StationFrames(List<Camera> station, List<ManifestInput.Camera> inputs, NanoClock clock) {
        this.clock = clock;
        List<Camera> used = new ArrayList<>();
        this.cameraOf = new int[inputs.size()];
        this.shrinkers = new FrameShrinker[inputs.size()];
        this.slots = new ShrunkSlot[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            ManifestInput.Camera in = inputs.get(i);
            Camera cam = find(station, in.feature());
            shrinkers[i] = new FrameShrinker(in);
            slots[i] = new ShrunkSlot(in.width(), in.height());
            if (cam != null && !used.contains(cam)) {
                used.add(cam);
            }
            cameraOf[i] = cam == null ? -1 : used.indexOf(cam);
            if (cam != null) {
                shrinkers[i].prepareFor(cam.width(), cam.height());
            }
        }
        this.cameras = used.toArray(new Camera[0]);
        this.frames = new CameraFrame[cameras.length];
        this.periods = new long[cameras.length];
        this.due = new long[cameras.length];
        for (int c = 0; c < cameras.length; c++) {
            frames[c] = new CameraFrame(cameras[c].width(), cameras[c].height());
            periods[c] = Math.round(1e9 / cameras[c].fps());
        }
    }

    private static Camera find(List<Camera> station, String feature) {
        for (Camera c : station) {
            if (feature.equals(PREFIX + c.id())) {
                return c;
            }
        }
        return null;
    }

    /**
     * One pass of the shrinking thread: every camera with a new frame is read once and shrunk for each
     * input that reads it. Shrinking thread only (tests call it directly instead of {@link #start}).
     *
     * @return frames shrunk in this pass
     */
    public int shrinkNew() {
        int n = 0;
        for (int c = 0; c < cameras.length; c++) {
            if (!read(c)) {
                continue;
            }
            due[c] = clock.nanoTime() + periods[c] - EARLY_NANOS;
            CameraFrame f = frames[c];
            for (int i = 0; i < slots.length; i++) {
                if (cameraOf[i] == c) {
                    ShrunkFrame out = slots[i].beginWrite();
                    shrinkers[i].shrink(f.rgb(), f.width(), f.height(), f.stampNanos(), f.sequence(), out);
                    slots[i].publish();
                    n++;
                }
            }
        }
        shrunk += n;
        return n;
    }

    private boolean read(int c) {
        Camera cam = cameras[c];
        CameraFrame f = frames[c];
        long before = f.sequence();
        try {
            if (!cam.state().readable() || !cam.readLatest(f)) {
                return false;
            }
        } catch (RuntimeException e) {
            readErrors++;
            if (readErrors == 1 || readErrors % 1000 == 0) {
                LOG.warn("policy frames: camera {} cannot be read ({} failed reads): {}", cam.id(), readErrors,
                        e.getMessage());
            }
            return false;
        }
        if (before > 0 && f.sequence() > before + 1) {
            skipped += f.sequence() - before - 1;
        }
        return true;
    }

    @Override
    public boolean latest(int camera, ShrunkFrame into) {
        return cameraOf[camera] >= 0 && slots[camera].read(into);
    }

    /**
     * Shrinks the cameras' current frames on the calling thread (so the policy's first inference finds
     * them), then starts the shrinking thread ({@code tandem-policy-frames}). Idempotent.
     */
    @Override
    public synchronized void start() {
        if (thread.running()) {
            return;
        }
        shrinkNew();
        thread.start("tandem-policy-frames", this::run);
    }

    private void run() {
        while (thread.running()) {
            shrinkNew();
            long now = clock.nanoTime();
            long next = Long.MAX_VALUE;
            for (long d : due) {
                next = Math.min(next, d);
            }
            LockSupport.parkNanos(next == Long.MAX_VALUE ? IDLE_NANOS : Math.max(POLL_NANOS, next - now));
        }
    }

    /** Stops the shrinking thread and logs the counts. Idempotent. */
    @Override
    public void close() {
        boolean ran = thread.running();
        thread.stop(false, 2000);
        if (ran) {
            LOG.info("policy frames: {} shrunk, {} reused by the policy, {} camera frames skipped, {} failed reads",
                    shrunk, framesReused(), skipped, readErrors);
        }
    }

    @Override
    public long framesShrunk() {
        return shrunk;
    }

    @Override
    public long framesReused() {
        long n = 0;
        for (ShrunkSlot s : slots) {
            n += s.reused();
        }
        return n;
    }

    /** Camera frames published and replaced before the shrinking thread read them. Any thread. */
    public long framesSkipped() {
        return skipped;
    }

    /** Camera reads that threw (e.g. the camera faulted); counted and logged. Any thread. */
    public long readErrors() {
        return readErrors;
    }
}
