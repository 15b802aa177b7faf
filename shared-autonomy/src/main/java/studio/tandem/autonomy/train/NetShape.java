package studio.tandem.autonomy.train;

/**
 * Sizes of the hand-policy network: a wrist image (3 × imageHeight × imageWidth), the hand state,
 * tactile, and the instruction as token ids (bag of embeddings) → two tanh layers → an action chunk
 * of {@code horizon} × {@code actionDim} normalised hand-joint targets.
 */
public record NetShape(int imageHeight, int imageWidth, int stateDim, int tactileDim, int vocabulary,
        int maxTokens, int embedDim, int hidden, int horizon, int actionDim) {

    public NetShape {
        int[] all = {imageHeight, imageWidth, stateDim, vocabulary, maxTokens, embedDim, hidden, horizon, actionDim};
        for (int v : all) {
            if (v < 1) {
                throw new IllegalArgumentException("network shape: every size must be >= 1: " + this);
            }
        }
        if (tactileDim < 0) {
            throw new IllegalArgumentException("network shape: tactile size must be >= 0");
        }
    }

    public int imageSize() {
        return 3 * imageHeight * imageWidth;
    }

    /** Width of the concatenated input vector. */
    public int inputDim() {
        return imageSize() + stateDim + tactileDim + embedDim;
    }

    public int outputDim() {
        return horizon * actionDim;
    }

    /** Offsets of the parameter blocks in the flat parameter vector. */
    int embOffset() {
        return 0;
    }

    int w1Offset() {
        return vocabulary * embedDim;
    }

    int b1Offset() {
        return w1Offset() + inputDim() * hidden;
    }

    int w2Offset() {
        return b1Offset() + hidden;
    }

    int b2Offset() {
        return w2Offset() + hidden * hidden;
    }

    int w3Offset() {
        return b2Offset() + hidden;
    }

    int b3Offset() {
        return w3Offset() + hidden * outputDim();
    }

    public int parameterCount() {
        return b3Offset() + outputDim();
    }
}
