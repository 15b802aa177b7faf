package studio.tandem.autonomy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import studio.tandem.autonomy.arbitration.JointGroup;
import studio.tandem.autonomy.loop.LoopLayout;
import studio.tandem.autonomy.loop.Observation;
import studio.tandem.dataset.time.ManualClock;

class PolicyControllerTest {
    private static final LoopLayout LAYOUT = new LoopLayout(1, 2, 0);
    private final ManualClock clock = new ManualClock(1_000_000_000L);
    private final ObservationSlot slot = new ObservationSlot(3, 0);
    private final ChunkQueue queue = new ChunkQueue(4, 10);
    private final ChunkScheduler scheduler = new ChunkScheduler(5, 2, 50, 4, 0.01, new double[] {1, 1});
    private final PolicyController controller = new PolicyController(JointGroup.HAND, 1, slot, queue, scheduler, false);

    /** Predicts hand targets = (observed hand joint 0 + 20 ms × action index) for both joints. */
    private final ChunkPredictor predictor = (obs, chunk) -> {
        for (int i = 0; i < 5; i++) {
            chunk[2 * i] = obs.joints()[1] + i;
            chunk[2 * i + 1] = -(obs.joints()[1] + i);
        }
        clock.advanceNanos(30_000_000L); // inference takes 30 ms of loop time
        return Double.NaN;
    };

    @Test
    void chunksAreAnchoredAtTheirObservationAndTheLoopNeverWaits() {
        PolicyWorker worker = new PolicyWorker(predictor, slot, queue, clock, 30, 10);
        Observation obs = new Observation(LAYOUT);
        obs.joints()[1] = 10;
        obs.stampNanos(clock.nanoTime());
        double[] out = new double[3];
        Arrays.fill(out, Double.NaN);
        controller.observe(clock.nanoTime(), obs, "pinch");
        assertThat(controller.actionAt(clock.nanoTime(), out)).as("no chunk yet: no waiting").isFalse();
        assertThat(worker.step()).isTrue();
        assertThat(worker.step()).as("no new observation").isFalse();
        long now = clock.nanoTime(); // 30 ms after the observation: 1.5 actions late
        assertThat(controller.actionAt(now, out)).isTrue();
        assertThat(out[0]).as("arm untouched").isNaN();
        assertThat(out[1]).isEqualTo(11.5, offset(1e-9));
        assertThat(out[2]).isEqualTo(-11.5, offset(1e-9));
        assertThat(scheduler.droppedActions()).isEqualTo(1);
        assertThat(controller.failureScore()).isEqualTo(0.0);
        assertThat(controller.drives(JointGroup.HAND)).isTrue();
        assertThat(controller.drives(JointGroup.ARM)).isFalse();
    }

    @Test
    void aFailingPredictorIsCountedAndQueuesNothing() {
        PolicyWorker worker = new PolicyWorker((o, c) -> {
            throw new IllegalStateException("camera wrist has no frame yet");
        }, slot, queue, clock, 30, 10);
        slot.write(clock.nanoTime(), new double[3], new double[0], "x");
        assertThat(worker.step()).isFalse();
        assertThat(worker.failures()).isEqualTo(1);
        assertThat(controller.actionAt(clock.nanoTime(), new double[3])).isFalse();
    }
}
