package studio.tandem.recorder.episode;

/**
 * Recorder settings.
 *
 * @param fps                 dataset rate (Hz): one row per tick
 * @param vectorRingCapacity  samples buffered per vector stream between producer and writer thread
 * @param frameSlots          preallocated frames per camera between camera and encoder thread
 * @param syncIntervalNanos   staged data is made durable at least this often (≤ 1 s)
 * @param cameraWaitNanos     how long after a row's instant an encoder waits for a later frame
 * @param cameraStaleNanos    a row whose frame is further than this from its instant counts as missing
 * @param diskReserveBytes    recording stops (and saves) when the staging disk has less free space
 * @param diskCheckNanos      how often free space is checked
 * @param saveTimeoutNanos    how long a save waits for the encoders to close their files
 */
public record RecorderConfig(double fps, int vectorRingCapacity, int frameSlots, long syncIntervalNanos,
        long cameraWaitNanos, long cameraStaleNanos, long diskReserveBytes, long diskCheckNanos,
        long saveTimeoutNanos) {

    public RecorderConfig {
        if (!(fps > 0 && fps <= 1000)) {
            throw new IllegalArgumentException("fps must be in (0, 1000], was " + fps);
        }
        if (syncIntervalNanos <= 0 || syncIntervalNanos > 1_000_000_000L) {
            throw new IllegalArgumentException("sync interval must be in (0, 1 s], was " + syncIntervalNanos + " ns");
        }
        if (frameSlots < 4) {
            throw new IllegalArgumentException("frame slots must be >= 4, was " + frameSlots);
        }
    }

    /** Defaults for {@code fps}: 1 s sync, 32 frame slots, 0.5 GB disk reserve. */
    public static RecorderConfig defaults(double fps) {
        long period = Math.round(1e9 / fps);
        return new RecorderConfig(fps, 8192, 32, 1_000_000_000L, 100_000_000L, period * 3 / 2,
                512L << 20, 250_000_000L, 10_000_000_000L);
    }

    public RecorderConfig withDiskReserve(long bytes) {
        return new RecorderConfig(fps, vectorRingCapacity, frameSlots, syncIntervalNanos, cameraWaitNanos,
                cameraStaleNanos, bytes, diskCheckNanos, saveTimeoutNanos);
    }

    /** A copy where a camera row further than {@code nanos} from its frame counts as missing. */
    public RecorderConfig withCameraStale(long nanos) {
        return new RecorderConfig(fps, vectorRingCapacity, frameSlots, syncIntervalNanos, cameraWaitNanos,
                nanos, diskReserveBytes, diskCheckNanos, saveTimeoutNanos);
    }

    public RecorderConfig withFrameSlots(int slots) {
        return new RecorderConfig(fps, vectorRingCapacity, slots, syncIntervalNanos, cameraWaitNanos,
                cameraStaleNanos, diskReserveBytes, diskCheckNanos, saveTimeoutNanos);
    }

    public long periodNanos() {
        return Math.round(1e9 / fps);
    }
}
