package studio.tandem.autonomy.station;

import java.nio.ByteBuffer;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.robot.Camera;
import studio.tandem.teleop.robot.LatestFrame;

/**
 * A camera whose frames the test publishes by hand through a real {@link LatestFrame}: pixel
 * (x, y) of frame k is {@link #pixel}. Connected from the start; {@link #failReads} makes reads throw.
 */
final class PatternCamera implements Camera {
    private final String id;
    private final LatestFrame frames;
    private long seq;
    DeviceState state = DeviceState.CONNECTED;
    boolean failReads;

    PatternCamera(String id, int width, int height) {
        this.id = id;
        this.frames = new LatestFrame(width, height);
    }

    /** Channel c of pixel (x, y) in frame {@code k}. */
    static int pixel(long k, int x, int y, int c) {
        return (int) ((x * 7 + y * 3 + c * 50 + k * 11) & 0xff);
    }

    /** Publishes the next frame, stamped {@code k * 1000} ns; returns its sequence k. */
    long publish() {
        ByteBuffer b = frames.beginWrite().rgb();
        long k = seq + 1;
        for (int y = 0; y < height(); y++) {
            for (int x = 0; x < width(); x++) {
                for (int c = 0; c < 3; c++) {
                    b.put((y * width() + x) * 3 + c, (byte) pixel(k, x, y, c));
                }
            }
        }
        seq = frames.publish(k * 1000);
        return seq;
    }

    @Override
    public boolean readLatest(studio.tandem.teleop.robot.CameraFrame out) {
        if (!state.readable() || failReads) {
            throw new IllegalStateException("camera '" + id + "': not connected (" + state + ")");
        }
        return frames.readLatest(out);
    }

    @Override public int width() { return frames.width(); }
    @Override public int height() { return frames.height(); }
    @Override public double fps() { return 30; }
    @Override public long framesCaptured() { return seq; }
    @Override public long framesLate() { return 0; }
    @Override public String id() { return id; }
    @Override public DeviceState state() { return state; }
    @Override public void connect() { }
    @Override public void activate() { }
    @Override public void deactivate() { }
    @Override public FeatureSet observationFeatures() { return FeatureSet.of(); }
    @Override public FeatureSet actionFeatures() { return FeatureSet.of(); }
    @Override public void close() { }
}
