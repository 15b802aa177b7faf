package studio.tandem.autonomy.policy;

/**
 * Full camera frames on request (e.g. a camera rendered on demand in simulated time, or a recorded
 * episode's frames). The policy reads its cameras through {@link PolicyFrames}; {@link ShrinkOnCall}
 * adapts a frame source to that, shrinking each frame on the caller's thread.
 */
@FunctionalInterface
public interface FrameSource {

    /**
     * Copies the latest frame of camera {@code feature} into {@code into} (resizing it as needed).
     *
     * @return false when the camera has no frame yet
     */
    boolean latest(String feature, ImageFrame into);
}
