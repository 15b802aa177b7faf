package studio.tandem.autonomy.train;

import java.nio.FloatBuffer;
import studio.tandem.autonomy.policy.FeatureStats;
import studio.tandem.autonomy.policy.ImageFrame;
import studio.tandem.autonomy.policy.ImagePreprocessor;
import studio.tandem.autonomy.policy.Tokenizer;

/**
 * Turns a raw demonstration step into a {@link TrainingSample} with exactly the preprocessing the
 * runtime applies (same image pipeline, tokenizer and normalisation).
 */
public final class SampleEncoder {
    private final PolicySpec spec;
    private final ImagePreprocessor images;
    private final Tokenizer tokenizer;
    private final FeatureStats state;
    private final FeatureStats tactile;
    private final FeatureStats action;

    public SampleEncoder(PolicySpec spec, FeatureStats state, FeatureStats tactile, FeatureStats action) {
        this.spec = spec;
        this.images = new ImagePreprocessor(spec.camera());
        this.tokenizer = new Tokenizer(spec.vocabulary(), spec.shape().maxTokens());
        this.state = state;
        this.tactile = tactile;
        this.action = action;
    }

    /**
     * @param chunk the next {@code horizon} hand-joint targets (horizon × dim, row-major, radians)
     */
    public TrainingSample encode(ImageFrame frame, double[] handState, double[] tactileValues, String instruction,
            double[] chunk) {
        NetShape s = spec.shape();
        FloatBuffer img = FloatBuffer.allocate(s.imageSize());
        images.apply(frame, img);
        double[] st = new double[s.stateDim()];
        for (int i = 0; i < st.length; i++) {
            st[i] = state.normalize(i, handState[i]);
        }
        double[] ta = new double[s.tactileDim()];
        for (int i = 0; i < ta.length; i++) {
            ta[i] = tactile.normalize(i, tactileValues[i]);
        }
        long[] tokens = new long[s.maxTokens()];
        tokenizer.encode(instruction, tokens);
        double[] target = new double[s.outputDim()];
        for (int i = 0; i < target.length; i++) {
            target[i] = action.normalize(i % s.actionDim(), chunk[i]);
        }
        return new TrainingSample(img.array(), st, ta, tokens, target);
    }
}
