package studio.tandem.autonomy.policy;

/**
 * The camera images a policy reads, already shrunk to the sizes its manifest declares, so the
 * policy thread copies only small images. Camera inputs are numbered in manifest order
 * ({@link PolicyInputs#cameras()}). Implementations shrink where the frames arrive: on a thread of
 * their own per camera delivery ({@code StationFrames}) or on the caller's thread ({@link ShrinkOnCall},
 * for cameras rendered on demand in simulated time).
 */
public interface PolicyFrames extends AutoCloseable {

    /**
     * Policy thread: copies the newest shrunk image of camera input {@code camera} into {@code into};
     * when {@code into} already holds it, leaves it and counts a reuse. Allocation-free.
     *
     * @return false when the camera has delivered no frame yet
     */
    boolean latest(int camera, ShrunkFrame into);

    /** Frames shrunk for the policy so far (all camera inputs). Any thread. */
    long framesShrunk();

    /** Reads that found no newer frame and reused the previous one (stale input). Any thread. */
    long framesReused();

    /** Starts delivering (e.g. the shrinking thread). Idempotent; default: nothing to start. */
    default void start() {
    }

    /** Stops delivering. Idempotent; default: nothing to stop. */
    @Override
    default void close() {
    }
}
