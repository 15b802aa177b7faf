package studio.tandem.teleop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventToCommandBenchTest {

    @Test
    void everyEventOfTheOneThreadPathReachesTheArm() throws Exception {
        EventToCommandBench.Result r = EventToCommandBench.computeOnly(500);
        assertThat(r.events()).isEqualTo(500);
        assertThat(r.superseded()).isZero();
        assertThat(r.p50Ms()).isPositive().isLessThanOrEqualTo(r.p99Ms());
        assertThat(r.p99Ms()).isLessThanOrEqualTo(r.maxMs());
    }

    @Test
    void everyEventFromADeviceThreadIsMeasuredSupersededOrNot() throws Exception {
        EventToCommandBench.Result r = EventToCommandBench.run(200, 2_000_000L);
        assertThat(r.events()).isEqualTo(200);
        assertThat(r.superseded()).as("how many depends on the machine's load").isBetween(0L, 199L);
        assertThat(r.p50Ms()).isPositive().isLessThanOrEqualTo(r.p99Ms());
        assertThat(r.p99Ms()).isLessThanOrEqualTo(r.maxMs());
    }

    @Test
    void tooFewEventsAreRejected() {
        assertThatThrownBy(() -> EventToCommandBench.run(10, 1_000_000L)).hasMessageContaining(">= 100 events");
    }
}
