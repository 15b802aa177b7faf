package studio.tandem.autonomy.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/** Mini-batch Adam on the mean squared error of the normalised action chunk. One thread. */
public final class Trainer {

    /**
     * @param epochs passes over the data
     * @param batchSize samples per step
     * @param learningRate Adam step size
     * @param seed shuffling seed
     */
    public record Config(int epochs, int batchSize, double learningRate, long seed) {
        public Config {
            if (epochs < 1 || batchSize < 1) {
                throw new IllegalArgumentException("training: epochs and batch size must be >= 1");
            }
        }
    }

    private Trainer() {
    }

    /**
     * Trains {@code net} in place.
     *
     * @param onEpoch told the index of each finished epoch (progress)
     * @return the mean training loss of each epoch
     */
    public static double[] fit(HandPolicyNet net, List<TrainingSample> samples, Config cfg, IntConsumer onEpoch) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("training: no samples");
        }
        double[] params = net.parameters();
        double[] grad = new double[params.length];
        Adam adam = new Adam(params.length, cfg.learningRate());
        HandPolicyNet.Activations act = new HandPolicyNet.Activations(net.shape());
        List<TrainingSample> order = new ArrayList<>(samples);
        Random rnd = new Random(cfg.seed());
        double[] losses = new double[cfg.epochs()];
        for (int epoch = 0; epoch < cfg.epochs(); epoch++) {
            Collections.shuffle(order, rnd);
            double sum = 0;
            for (int start = 0; start < order.size(); start += cfg.batchSize()) {
                int end = Math.min(order.size(), start + cfg.batchSize());
                java.util.Arrays.fill(grad, 0);
                for (int i = start; i < end; i++) {
                    sum += net.lossAndGradient(order.get(i), act, grad, 1.0 / (end - start));
                }
                adam.step(params, grad);
            }
            losses[epoch] = sum / order.size();
            onEpoch.accept(epoch);
        }
        return losses;
    }

    /** Mean loss of {@code net} on {@code samples} without training. */
    public static double evaluate(HandPolicyNet net, List<TrainingSample> samples) {
        HandPolicyNet.Activations act = new HandPolicyNet.Activations(net.shape());
        double[] scratch = new double[net.parameters().length];
        double sum = 0;
        for (TrainingSample s : samples) {
            sum += net.lossAndGradient(s, act, scratch, 0);
        }
        return sum / samples.size();
    }
}
