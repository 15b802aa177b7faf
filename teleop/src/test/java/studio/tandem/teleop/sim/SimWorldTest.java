package studio.tandem.teleop.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SimWorldTest {

    @Test
    void objectsRestOnTheTableAndTactileIsZeroWithoutContact() {
        try (SimWorld w = new SimWorld(SimConfig.defaults(1))) {
            SimSnapshot s = w.newSnapshot();
            w.snapshot(s, 0);
            double[] z0 = new double[s.objectCount()];
            for (int i = 0; i < z0.length; i++) {
                z0[i] = s.objectPose(i, 2);
            }
            long t0 = System.nanoTime();
            for (int k = 0; k < 480; k++) {
                w.step();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            System.out.printf("sim: 1 s of physics at %d Hz took %.3f s wall (%d bodies)%n",
                    w.config().physicsHz(), wall, w.bodies().size());
            w.snapshot(s, 0);
            for (int i = 0; i < z0.length; i++) {
                assertThat(s.objectPose(i, 2)).as(w.objectSpecs().get(i).name())
                        .isCloseTo(w.objectSpecs().get(i).restingHalfHeight(), within(0.003));
            }
            for (int t = 0; t < w.handSpec().fingertips(); t++) {
                assertThat(s.tactile(t)).isZero();
            }
            assertThat(s.step()).isEqualTo(480);
        }
    }
}
