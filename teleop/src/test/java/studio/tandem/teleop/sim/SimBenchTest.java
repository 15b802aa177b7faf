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
}
