package studio.tandem.autonomy.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HandPolicyNetTest {
    static final NetShape SMALL = new NetShape(3, 4, 3, 2, 6, 4, 3, 5, 2, 3);

    static TrainingSample randomSample(Random r, NetShape s) {
        float[] img = new float[s.imageSize()];
        for (int i = 0; i < img.length; i++) {
            img[i] = (float) r.nextGaussian();
        }
        double[] st = r.doubles(s.stateDim()).map(v -> v * 2 - 1).toArray();
        double[] ta = r.doubles(s.tactileDim()).toArray();
        long[] tokens = {2, 3 + r.nextInt(3), 0, 0};
        double[] target = r.doubles(s.outputDim()).map(v -> v - 0.5).toArray();
        return new TrainingSample(img, st, ta, tokens, target);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Random r = new Random(7);
        HandPolicyNet net = new HandPolicyNet(SMALL, 3);
        TrainingSample sample = randomSample(r, SMALL);
        HandPolicyNet.Activations act = new HandPolicyNet.Activations(SMALL);
        double[] p = net.parameters();
        double[] grad = new double[p.length];
        net.lossAndGradient(sample, act, grad, 1.0);
        double[] scratch = new double[p.length];
        int checked = 0;
        for (int i = 0; i < p.length; i++) {
            if (i < SMALL.embedDim()) {
                assertThat(grad[i]).as("padding embedding gets no gradient").isZero();
                continue;
            }
            double keep = p[i];
            double h = 1e-6;
            p[i] = keep + h;
            double up = net.lossAndGradient(sample, act, scratch, 0);
            p[i] = keep - h;
            double down = net.lossAndGradient(sample, act, scratch, 0);
            p[i] = keep;
            double numeric = (up - down) / (2 * h);
            assertThat(grad[i]).as("parameter %d", i).isCloseTo(numeric,
                    org.assertj.core.data.Offset.offset(1e-6 + 1e-4 * Math.abs(numeric)));
            checked++;
        }
        assertThat(checked).isEqualTo(SMALL.parameterCount() - SMALL.embedDim());
    }

    @Test
    void theLossGoesDown() {
        Random r = new Random(11);
        List<TrainingSample> data = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            data.add(randomSample(r, SMALL));
        }
        HandPolicyNet net = new HandPolicyNet(SMALL, 5);
        double before = Trainer.evaluate(net, data);
        double[] losses = Trainer.fit(net, data, new Trainer.Config(60, 16, 0.01, 1), e -> { });
        double after = Trainer.evaluate(net, data);
        assertThat(losses[losses.length - 1]).isLessThan(losses[0]);
        assertThat(after).isLessThan(before * 0.5);
    }
}
