package studio.tandem.teleop.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.robot.Camera;
import studio.tandem.teleop.robot.CameraFrame;
import studio.tandem.teleop.sim.SimConfig;

class SimCameraTest {

    @Test
    void sceneAndWristCamerasRenderTheLiveStationOnTheirOwnThreads() throws Exception {
        try (SimulatedStation sim = SimulatedStation.create(SimConfig.defaults(1), NanoClock.SYSTEM, true,
                SimulatedStation.defaultCameras(320, 240))) {
            try {
                sim.station().connect();
            } catch (DeviceException e) {
                Assumptions.abort(e.getMessage());
            }
            assertThat(sim.station().observationFeatures().contains("observation.images.scene")).isTrue();
            assertThat(sim.station().observationFeatures().contains("observation.images.wrist")).isTrue();
            Camera scene = sim.station().cameras().get(0);
            Camera wrist = sim.station().cameras().get(1);
            long t0 = System.nanoTime();
            long c0 = scene.framesCaptured() + wrist.framesCaptured();
            Thread.sleep(2000);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double fps = (scene.framesCaptured() + wrist.framesCaptured() - c0) / seconds;
            System.out.printf("sim cameras: %.1f fps both together at 320x240 (late: scene %d, wrist %d)%n",
                    fps, scene.framesLate(), wrist.framesLate());

            CameraFrame f = new CameraFrame(320, 240);
            assertThat(scene.readLatest(f)).isTrue();
            long firstSeq = f.sequence();
            long firstStamp = f.stampNanos();
            assertThat(scene.readLatest(f)).as("no new frame without a new capture").isIn(true, false);
            int red = count(f.rgb(), 320 * 240, true);
            int distinct = distinctColours(f.rgb(), 320 * 240);
            System.out.printf("scene frame: %d red pixels, %d distinct colours%n", red, distinct);
            assertThat(red).as("the red cube is visible").isGreaterThan(20);
            assertThat(distinct).as("lit and coloured, not blank").isGreaterThan(50);
            Thread.sleep(300);
            assertThat(scene.readLatest(f)).isTrue();
            assertThat(f.sequence()).isGreaterThan(firstSeq);
            assertThat(f.stampNanos()).isGreaterThan(firstStamp);

            CameraFrame w = new CameraFrame(320, 240);
            assertThat(wrist.readLatest(w)).isTrue();
            assertThat(distinctColours(w.rgb(), 320 * 240)).as("wrist view is not blank").isGreaterThan(10);
        }
    }

    private static int count(ByteBuffer rgb, int pixels, boolean reddish) {
        int n = 0;
        for (int i = 0; i < pixels; i++) {
            int r = rgb.get(3 * i) & 0xFF;
            int g = rgb.get(3 * i + 1) & 0xFF;
            int b = rgb.get(3 * i + 2) & 0xFF;
            if (reddish && r > 120 && g < 70 && b < 70) {
                n++;
            }
        }
        return n;
    }

    private static int distinctColours(ByteBuffer rgb, int pixels) {
        java.util.Set<Integer> set = new java.util.HashSet<>();
        for (int i = 0; i < pixels; i++) {
            set.add(((rgb.get(3 * i) & 0xFF) << 16) | ((rgb.get(3 * i + 1) & 0xFF) << 8) | (rgb.get(3 * i + 2) & 0xFF));
        }
        return set.size();
    }
}
