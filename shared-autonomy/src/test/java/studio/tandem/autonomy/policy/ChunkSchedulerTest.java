package studio.tandem.autonomy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class ChunkSchedulerTest {
    private static final long STEP = 10_000_000L; // 100 actions per second
    private static final long T0 = 5_000_000_000L;

    /** A 1-D chunk whose action i is base + i. */
    private static double[] ramp(double base, int horizon) {
        double[] c = new double[horizon];
        for (int i = 0; i < horizon; i++) {
            c[i] = base + i;
        }
        return c;
    }

    private final ChunkScheduler s = new ChunkScheduler(10, 1, 100, 8, 0.01, new double[] {2.0});
    private final double[] out = new double[3];

    @Test
    void actionsAreTakenAtTheirTimeAndInterpolated() {
        assertThat(s.actionAt(T0, out, 1)).isFalse();
        assertThat(s.add(T0, ramp(0, 10), T0)).isTrue();
        assertThat(s.actionAt(T0, out, 1)).isTrue();
        assertThat(out[1]).isEqualTo(0.0);
        s.actionAt(T0 + 25 * STEP / 10, out, 1);
        assertThat(out[1]).isEqualTo(2.5, offset(1e-12));
        assertThat(s.score()).isEqualTo(0.0);
        assertThat(s.actionAt(T0 + 9 * STEP, out, 1)).isTrue();
        assertThat(out[1]).isEqualTo(9.0);
        assertThat(s.actionAt(T0 + 9 * STEP + 1, out, 1)).as("chunk over").isFalse();
        assertThat(s.activeChunks()).isZero();
    }

    @Test
    void underInjectedLatencyThePassedActionsAreDropped() {
        long latency = 37_000_000L; // the chunk arrives 3.7 actions late
        long now = T0 + latency;
        assertThat(s.add(T0, ramp(100, 10), now)).isTrue();
        assertThat(s.droppedActions()).isEqualTo(3);
        s.actionAt(now, out, 0);
        assertThat(out[0]).as("the action for now, not action 0").isEqualTo(103.7, offset(1e-9));
        // a chunk later than its whole horizon is dropped entirely
        assertThat(s.add(T0, ramp(0, 10), T0 + 10 * STEP)).isFalse();
        assertThat(s.droppedChunks()).isEqualTo(1);
        assertThat(s.droppedActions()).isEqualTo(13);
    }

    @Test
    void overlappingChunksAreEnsembledWithActWeightsAndTheirDisagreementIsTheScore() {
        s.add(T0, ramp(0, 10), T0);
        s.add(T0 + 2 * STEP, ramp(10, 10), T0 + 2 * STEP);
        s.actionAt(T0 + 2 * STEP, out, 0);
        double wOld = 1;
        double wNew = Math.exp(-0.01);
        double a = 2;
        double b = 10;
        double mean = (wOld * a + wNew * b) / (wOld + wNew);
        assertThat(out[0]).isEqualTo(mean, offset(1e-12));
        double var = (wOld * a * a + wNew * b * b) / (wOld + wNew) - mean * mean;
        assertThat(s.score()).isEqualTo(Math.sqrt(var) / 2.0, offset(1e-9));
        assertThat(s.activeChunks()).isEqualTo(2);
    }

    @Test
    void aFullSchedulerEvictsTheOldestChunk() {
        ChunkScheduler small = new ChunkScheduler(10, 1, 100, 2, 0.01, new double[] {1});
        small.add(T0, ramp(0, 10), T0);
        small.add(T0 + STEP, ramp(0, 10), T0 + STEP);
        small.add(T0 + 2 * STEP, ramp(50, 10), T0 + 2 * STEP);
        assertThat(small.evictedChunks()).isEqualTo(1);
        small.actionAt(T0 + 2 * STEP, out, 0);
        double w = Math.exp(-0.01);
        assertThat(out[0]).isEqualTo((1 * 1 + w * 50) / (1 + w), offset(1e-9));
    }
}
