package studio.tandem.autonomy.policy;

/** The cameras' latest frames; the policy thread copies one when it starts an inference. */
@FunctionalInterface
public interface FrameSource {

    /**
     * Copies the latest frame of camera {@code feature} into {@code into} (resizing it as needed).
     *
     * @return false when the camera has no frame yet
     */
    boolean latest(String feature, ImageFrame into);
}
