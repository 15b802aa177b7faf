package studio.tandem.autonomy.station;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import studio.tandem.autonomy.policy.FrameSource;
import studio.tandem.autonomy.policy.ImageFrame;
import studio.tandem.teleop.robot.Camera;
import studio.tandem.teleop.robot.CameraFrame;

/**
 * The station's cameras as the policy's {@link FrameSource}: feature {@code observation.images.<id>}
 * is camera {@code <id>}; the latest frame is copied into the policy's image (one preallocated
 * {@link CameraFrame} per camera). Policy thread only.
 */
public final class StationFrames implements FrameSource {
    private static final String PREFIX = "observation.images.";
    private final Map<String, Camera> cameras = new HashMap<>();
    private final Map<String, CameraFrame> frames = new HashMap<>();

    public StationFrames(List<Camera> list) {
        for (Camera c : list) {
            cameras.put(PREFIX + c.id(), c);
            frames.put(PREFIX + c.id(), new CameraFrame(c.width(), c.height()));
        }
    }

    /** @throws IllegalArgumentException when the station has no such camera */
    public void require(String feature) {
        if (!cameras.containsKey(feature)) {
            throw new IllegalArgumentException("the policy reads camera '" + feature + "' but the station has "
                    + cameras.keySet());
        }
    }

    @Override
    public boolean latest(String feature, ImageFrame into) {
        Camera cam = cameras.get(feature);
        if (cam == null) {
            return false;
        }
        CameraFrame f = frames.get(feature);
        cam.readLatest(f);
        if (f.sequence() == 0) {
            return false;
        }
        into.resize(f.width(), f.height());
        f.rgb().get(0, into.rgb(), 0, f.width() * f.height() * 3);
        into.stampNanos(f.stampNanos());
        return true;
    }
}
