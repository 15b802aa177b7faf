package studio.tandem.app.cli;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import studio.tandem.autonomy.policy.ManifestInput;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.robot.Camera;
import studio.tandem.teleop.robot.CameraFrame;
import studio.tandem.teleop.robot.LatestFrame;
import studio.tandem.teleop.robot.RobotFeatures;

/**
 * A camera for {@code bench policy}: the bench publishes each frame itself (a moving colour pattern)
 * through the same lock-free {@link LatestFrame} the simulated cameras use, so the policy's frame
 * source reads it exactly as it reads a station camera. Bench thread only.
 */
final class BenchCamera implements Camera {
    private static final String PREFIX = "observation.images.";
    private final String id;
    private final LatestFrame frames;

    private BenchCamera(String id, int width, int height) {
        this.id = id;
        this.frames = new LatestFrame(width, height);
    }

    /** One camera per distinct camera feature the policy reads ({@code observation.images.<id>}). */
    static List<BenchCamera> forInputs(List<ManifestInput.Camera> inputs, int width, int height) {
        List<BenchCamera> out = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (ManifestInput.Camera c : inputs) {
            if (!c.feature().startsWith(PREFIX)) {
                throw new UserError("camera input '" + c.feature() + "' is not a station camera (" + PREFIX + "<id>)");
            }
            String camId = c.feature().substring(PREFIX.length());
            if (!ids.contains(camId)) {
                ids.add(camId);
                out.add(new BenchCamera(camId, width, height));
            }
        }
        return out;
    }

    /** Publishes frame {@code k} (a pattern that moves with k), stamped {@code stampNanos}. */
    void publish(int k, long stampNanos) {
        ByteBuffer b = frames.beginWrite().rgb();
        int w = width();
        for (int y = 0, i = 0; y < height(); y++) {
            for (int x = 0; x < w; x++, i += 3) {
                b.put(i, (byte) (x + k));
                b.put(i + 1, (byte) (y + 2 * k));
                b.put(i + 2, (byte) (x + y));
            }
        }
        frames.publish(stampNanos);
    }

    @Override
    public boolean readLatest(CameraFrame out) {
        return frames.readLatest(out);
    }

    @Override
    public int width() {
        return frames.width();
    }

    @Override
    public int height() {
        return frames.height();
    }

    @Override
    public double fps() {
        return 30;
    }

    @Override
    public long framesCaptured() {
        return frames.sequence();
    }

    @Override
    public long framesLate() {
        return 0;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public DeviceState state() {
        return DeviceState.ACTIVE;
    }

    @Override
    public void connect() {
        // nothing to open: frames come from the bench
    }

    @Override
    public void activate() {
        // always active
    }

    @Override
    public void deactivate() {
        // always active
    }

    @Override
    public FeatureSet observationFeatures() {
        return RobotFeatures.camera(id, width(), height());
    }

    @Override
    public FeatureSet actionFeatures() {
        return FeatureSet.of();
    }

    @Override
    public void close() {
        // nothing held
    }
}
