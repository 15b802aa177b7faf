package studio.tandem.autonomy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.policy.ImageFrame;

/** Episodes see the rendered wrist camera where EGL works, and the view changes as the arm moves in. */
class WristCamerasTest {

    @Test
    void theRenderedWristCameraShowsTheSceneChangeDuringAnEpisode() throws Exception {
        WristCameras.Choice c = WristCameras.probe();
        assumeTrue(c.kind() == WristCameras.Kind.RENDERED, c.reason());
        ImageFrame first = new ImageFrame(1, 1);
        ImageFrame later = new ImageFrame(1, 1);
        int[] ticks = {0};
        SimEpisode.run(3, Mode.TELEOP, null, (t, arm, cam, text) -> {
            int n = ticks[0]++;
            if (n == 0) {
                assertThat(cam.latest("observation.images.wrist", first)).isTrue();
            } else if (n == 300) {
                assertThat(cam.latest("observation.images.wrist", later)).isTrue();
            }
        }, c);
        assertThat(first.width()).isEqualTo(WristCameras.WIDTH);
        assertThat(first.height()).isEqualTo(WristCameras.HEIGHT);
        assertThat(spread(first)).as("a scene, not a blank frame").isGreaterThan(10);
        long diff = 0;
        for (int i = 0; i < first.rgb().length; i++) {
            diff += Math.abs((first.rgb()[i] & 0xff) - (later.rgb()[i] & 0xff));
        }
        assertThat(diff / (double) first.rgb().length).as("mean pixel change after 3 s of approach")
                .isGreaterThan(2);
    }

    private static int spread(ImageFrame f) {
        int min = 255;
        int max = 0;
        for (byte b : f.rgb()) {
            min = Math.min(min, b & 0xff);
            max = Math.max(max, b & 0xff);
        }
        return max - min;
    }
}
