package studio.tandem.teleop.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SimBenchTest {
    @Test
    void reportsTheRealTimeFactorOfAShortRun() {
        SimBench.Result r = SimBench.run(SimConfig.defaults(4), 1.0);
        System.out.printf("sim bench: %d Hz, %.2f s simulated in %.2f s wall (RTF %.2f), %.2f s CPU (CPU RTF %.2f)%n",
                r.physicsHz(), r.simSeconds(), r.wallSeconds(), r.realtimeFactor(), r.cpuSeconds(),
                r.cpuRealtimeFactor());
        assertThat(r.steps()).isEqualTo(480);
        assertThat(r.simSeconds()).isCloseTo(1.0, within(1e-5));
        assertThat(r.realtimeFactor()).isPositive().isFinite();
    }

    @Test
    void bothCamerasDeliverFramesWhileThePhysicsRuns() throws Exception {
        SimBench.CameraResult r;
        try {
            r = SimBench.cameras(SimConfig.defaults(1), 160, 120, 30, 1.0);
        } catch (studio.tandem.teleop.device.DeviceException e) {
            org.junit.jupiter.api.Assumptions.abort("no OpenGL: " + e.getMessage());
            return;
        }
        System.out.printf("sim cameras: %.1f fps together (scene %.1f, wrist %.1f), physics %.0f Hz%n", r.totalFps(),
                r.sceneFps(), r.wristFps(), r.physicsHz());
        assertThat(r.sceneFps()).isPositive().isLessThan(40);
        assertThat(r.wristFps()).isPositive().isLessThan(40);
        assertThat(r.totalFps()).isEqualTo(r.sceneFps() + r.wristFps());
        assertThat(r.physicsHz()).isPositive();
    }
}
