package studio.tandem.autonomy.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.tandem.autonomy.train.DemoStep;

class SimDemonstrationsTest {

    @Test
    void aTeleoperatedEpisodeBecomesChunkedSamplesAtTheActionRate() throws Exception {
        List<DemoStep> demos = SimDemonstrations.collect(1, 3, 10, e -> { });
        // about 6.4 s of script + 0.5 s hold at 25 samples per second
        assertThat(demos.size()).isBetween(150, 190);
        DemoStep first = demos.get(0);
        assertThat(first.handState()).hasSize(12);
        assertThat(first.tactile()).hasSize(4);
        assertThat(first.chunk()).hasSize(120);
        assertThat(first.frame().width()).isEqualTo(
                WristCameras.probe().kind() == WristCameras.Kind.RENDERED ? WristCameras.WIDTH : 64);
        assertThat(first.instruction()).isEqualTo(GraspTask.draw(3).instruction());
        // the chunk of sample k starts with the hand target executed at sample k: consecutive chunks overlap
        DemoStep a = demos.get(100);
        DemoStep b = demos.get(101);
        for (int j = 0; j < 12; j++) {
            assertThat(b.chunk()[j]).isEqualTo(a.chunk()[12 + j]);
        }
        // the hand closes during the episode: the last chunk is more closed than the first
        double open = 0;
        double closed = 0;
        for (int j = 0; j < 12; j++) {
            open += Math.abs(first.chunk()[j]);
            closed += Math.abs(demos.get(demos.size() - 1).chunk()[j]);
        }
        assertThat(closed).isGreaterThan(open + 1);
    }
}
