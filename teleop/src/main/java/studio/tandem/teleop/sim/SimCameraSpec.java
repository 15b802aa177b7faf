package studio.tandem.teleop.sim;

/**
 * Where a simulated camera sits and what it produces.
 *
 * @param id device id, e.g. {@code scene} or {@code wrist}; the feature is {@code observation.images.<id>}
 * @param width image width (px), 1..640
 * @param height image height (px), 1..480
 * @param fps capture rate (frames/s), &gt; 0
 * @param verticalFovDeg vertical field of view (degrees)
 * @param attachToPalm true: mounted on the hand's palm (wrist camera); false: fixed in the world
 * @param eye world position of a fixed camera, or the mount offset in the palm frame (m)
 * @param target world point a fixed camera looks at, or the look-at point in the palm frame (m)
 */
public record SimCameraSpec(String id, int width, int height, double fps, double verticalFovDeg,
                            boolean attachToPalm, double[] eye, double[] target) {

    public SimCameraSpec {
        if (width < 1 || height < 1 || width > 640 || height > 480) {
            throw new IllegalArgumentException("camera '" + id + "': size must be within 640x480, was "
                    + width + "x" + height);
        }
        if (!(fps > 0) || fps > 240) {
            throw new IllegalArgumentException("camera '" + id + "': fps must be in (0, 240], was " + fps);
        }
        eye = eye.clone();
        target = target.clone();
    }

    /** A scene camera in front of and above the table, looking at the objects. */
    public static SimCameraSpec scene(int width, int height, double fps) {
        return new SimCameraSpec("scene", width, height, fps, 50, false,
                new double[] {-1.35, -0.95, 0.95}, new double[] {-0.35, -0.1, 0.12});
    }

    /** A wrist camera on the palm's back edge, looking along the approach axis past the fingers. */
    public static SimCameraSpec wrist(int width, int height, double fps) {
        return new SimCameraSpec("wrist", width, height, fps, 70, true,
                new double[] {0, 0.055, -0.01}, new double[] {0, 0.025, 0.2});
    }

    public long periodNanos() {
        return (long) (1e9 / fps);
    }
}
