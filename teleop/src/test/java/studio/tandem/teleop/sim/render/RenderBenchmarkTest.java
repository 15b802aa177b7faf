package studio.tandem.teleop.sim.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Only checks the benchmark runs and reports sensibly; speed is measured by {@code ./tandem bench}. */
class RenderBenchmarkTest {

    @Test
    void reportsFramesTimeAndRate() {
        RenderBenchmark.Result r;
        try {
            r = RenderBenchmark.twoCameras(5, 64, 48, 0);
        } catch (RenderUnavailableException e) {
            Assumptions.abort(e.getMessage());
            return;
        }
        assertThat(r.frames()).isEqualTo(5);
        assertThat(r.width()).isEqualTo(64);
        assertThat(r.nanos()).isPositive();
        assertThat(r.fps()).isCloseTo(5 * 1e9 / r.nanos(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(r.glRenderer()).isNotBlank();
        assertThatThrownBy(() -> RenderBenchmark.twoCameras(0, 64, 48, 0)).hasMessageContaining("frames");
    }
}
