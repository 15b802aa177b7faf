package studio.tandem.autonomy.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.tandem.autonomy.policy.ImageFrame;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.robot.Camera;
import studio.tandem.teleop.robot.CameraFrame;

class StationFramesTest {

    /** A 2×1 camera whose frames carry their sequence number in every byte. */
    static final class CountingCamera implements Camera {
        long seq;

        @Override
        public boolean readLatest(CameraFrame out) {
            if (seq == out.sequence()) {
                return false;
            }
            for (int i = 0; i < 6; i++) {
                out.rgb().put(i, (byte) seq);
            }
            out.stamp(seq * 1000, seq);
            return true;
        }

        @Override public int width() { return 2; }
        @Override public int height() { return 1; }
        @Override public double fps() { return 30; }
        @Override public long framesCaptured() { return seq; }
        @Override public long framesLate() { return 0; }
        @Override public String id() { return "wrist"; }
        @Override public DeviceState state() { return DeviceState.CONNECTED; }
        @Override public void connect() { }
        @Override public void activate() { }
        @Override public void deactivate() { }
        @Override public FeatureSet observationFeatures() { return FeatureSet.of(); }
        @Override public FeatureSet actionFeatures() { return FeatureSet.of(); }
        @Override public void close() { }
    }

    @Test
    void copiesTheLatestFrameOfTheNamedCamera() {
        CountingCamera cam = new CountingCamera();
        StationFrames frames = new StationFrames(List.of(cam));
        ImageFrame img = new ImageFrame(8, 8);
        assertThat(frames.latest("observation.images.wrist", img)).as("no frame yet").isFalse();
        cam.seq = 7;
        assertThat(frames.latest("observation.images.wrist", img)).isTrue();
        assertThat(img.width()).isEqualTo(2);
        assertThat(img.rgb()).containsOnly((byte) 7);
        assertThat(img.stampNanos()).isEqualTo(7000);
        assertThat(frames.latest("observation.images.scene", img)).isFalse();
        assertThatThrownBy(() -> frames.require("observation.images.scene")).hasMessageContaining("observation.images.wrist");
    }
}
