package studio.tandem.teleop.retarget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.joml.Quaterniond;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

class OneEuroFilterTest {
    private static final double DT = 1.0 / 500;

    @Test
    void smoothsJitterAtRestBetterThanItLagsInFastMotion() {
        OneEuroFilter f = new OneEuroFilter(1.0, 20.0, 1.0);
        Random r = new Random(1);
        double noiseIn = 0;
        double noiseOut = 0;
        for (int i = 0; i < 2000; i++) {
            double n = r.nextGaussian() * 1e-3;
            double y = f.filter(n, DT);
            if (i > 500) {
                noiseIn += n * n;
                noiseOut += y * y;
            }
        }
        // at rest: jitter strongly reduced
        assertThat(Math.sqrt(noiseOut / noiseIn)).isLessThan(0.2);
        // fast ramp (0.5 m/s): lag small thanks to beta
        OneEuroFilter adaptive = new OneEuroFilter(1.0, 20.0, 1.0);
        OneEuroFilter fixed = new OneEuroFilter(1.0, 0.0, 1.0);
        double lagAdaptive = 0;
        double lagFixed = 0;
        for (int i = 0; i < 500; i++) {
            double x = 0.5 * i * DT;
            lagAdaptive = x - adaptive.filter(x, DT);
            lagFixed = x - fixed.filter(x, DT);
        }
        assertThat(lagAdaptive).isLessThan(0.01);        // < 1 cm at 0.5 m/s
        assertThat(lagAdaptive).isLessThan(lagFixed / 5); // the speed term removes most of the lag
    }

    @Test
    void poseFilterSmoothsOrientationNoiseAndFollowsRotation() {
        PoseFilter f = new PoseFilter(1.0, 10.0, 1.0, 0.5, 1.0);
        Random r = new Random(5);
        Vector3d p = new Vector3d();
        Quaterniond q = new Quaterniond();
        f.reset(p, q);
        double rawSq = 0;
        double outSq = 0;
        for (int i = 0; i < 1000; i++) {
            p.set(0, 0, 0);
            q.identity().rotateXYZ(r.nextGaussian() * 0.01, r.nextGaussian() * 0.01, r.nextGaussian() * 0.01);
            double raw = q.angle();
            f.filter(p, q, DT);
            if (i > 200) {
                rawSq += raw * raw;
                outSq += q.angle() * q.angle();
            }
        }
        assertThat(Math.sqrt(outSq / rawSq)).isLessThan(0.3);
        // then a steady 1 rad/s rotation: converges to follow with bounded lag
        double lag = 0;
        for (int i = 0; i < 1000; i++) {
            Quaterniond truth = new Quaterniond().rotateZ(i * DT);
            q.set(truth);
            p.set(0, 0, 0);
            f.filter(p, q, DT);
            lag = 2 * Math.acos(Math.min(1, Math.abs(q.dot(truth))));
        }
        assertThat(lag).isLessThan(0.1);
    }
}
