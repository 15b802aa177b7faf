package studio.tandem.autonomy.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import studio.tandem.autonomy.arbitration.Mode;

class SimEpisodeTest {

    @Test
    void theScriptedOperatorLiftsTheObjectThroughTheControlLoop() throws Exception {
        int[] ticks = {0};
        EpisodeOutcome o = SimEpisode.run(3, Mode.TELEOP, null, (t, arm, cam, text) -> {
            ticks[0]++;
            assertThat(java.util.Arrays.stream(t.executed()).allMatch(Double::isFinite)).isTrue();
        });
        System.out.println("teleop episode: " + o);
        assertThat(o.success()).as("lifted " + o.liftMetres() + " m").isTrue();
        assertThat(o.operatorEffort()).isGreaterThan(1.0);
        assertThat(o.interventions()).isZero();
        assertThat(ticks[0]).isGreaterThan((int) (o.seconds() * SimEpisode.LOOP_HZ) - 2);
    }
}
