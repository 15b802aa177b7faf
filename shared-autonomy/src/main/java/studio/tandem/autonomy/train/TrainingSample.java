package studio.tandem.autonomy.train;

/**
 * One demonstration step, already preprocessed as the runtime would: normalised image (CHW), hand
 * state and tactile, the instruction's token ids, and the normalised target chunk (horizon ×
 * actionDim, row-major).
 */
public record TrainingSample(float[] image, double[] state, double[] tactile, long[] tokens, double[] target) {
}
