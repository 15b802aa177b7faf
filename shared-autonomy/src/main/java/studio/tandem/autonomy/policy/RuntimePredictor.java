package studio.tandem.autonomy.policy;

import ai.onnxruntime.OrtException;

/**
 * Feeds a {@link PolicyRuntime} from the loop's observation and the cameras' shrunk images
 * ({@link PolicyFrames}: the policy thread copies only the small images): the vector inputs
 * named in the manifest are taken from the joint and tactile vectors at the given offsets. A state
 * feature whose name ends in {@code .command} is the command executed on the previous tick (which,
 * unlike the measured joints, keeps moving when contact blocks the fingers).
 */
public final class RuntimePredictor implements ChunkPredictor {
    /** Suffix of state features that read the previous command instead of the measured joints. */
    public static final String COMMAND_SUFFIX = ".command";

    private final PolicyRuntime runtime;
    private final PolicyFrames frames;
    private final ShrunkFrame[] images;
    private final String stateFeature;
    private final int stateOffset;
    private final String tactileFeature;

    /**
     * A predictor over full frames produced on request, shrunk on the policy thread ({@link ShrinkOnCall}).
     *
     * @param stateFeature the manifest vector filled from {@code joints[stateOffset..]} (e.g. the hand joints)
     * @param tactileFeature the manifest vector filled from the tactile vector, or null
     */
    public RuntimePredictor(PolicyRuntime runtime, FrameSource frames, String stateFeature, int stateOffset,
            String tactileFeature) {
        this(runtime, new ShrinkOnCall(frames, runtime.inputs().cameras()), stateFeature, stateOffset,
                tactileFeature);
    }

    /**
     * @param frames the camera images, shrunk where they arrive
     * @param stateFeature the manifest vector filled from {@code joints[stateOffset..]} (e.g. the hand joints)
     * @param tactileFeature the manifest vector filled from the tactile vector, or null
     */
    public RuntimePredictor(PolicyRuntime runtime, PolicyFrames frames, String stateFeature, int stateOffset,
            String tactileFeature) {
        this.runtime = runtime;
        this.frames = frames;
        this.images = new ShrunkFrame[runtime.inputs().cameras().size()];
        for (int i = 0; i < images.length; i++) {
            images[i] = runtime.inputs().image(i);
        }
        this.stateFeature = stateFeature;
        this.stateOffset = stateOffset;
        this.tactileFeature = tactileFeature;
        runtime.inputs().vector(stateFeature);
        if (tactileFeature != null) {
            runtime.inputs().vector(tactileFeature);
        }
    }

    @Override
    public double predict(ObservationSlot.Snapshot obs, double[] chunkOut) throws OrtException {
        PolicyInputs in = runtime.inputs();
        for (int i = 0; i < images.length; i++) {
            if (!frames.latest(i, images[i])) {
                throw new IllegalStateException("camera " + in.cameras().get(i).feature() + " has no frame yet");
            }
        }
        double[] state = in.vector(stateFeature);
        double[] source = stateFeature.endsWith(COMMAND_SUFFIX) ? obs.commanded() : obs.joints();
        System.arraycopy(source, stateOffset, state, 0, state.length);
        if (tactileFeature != null) {
            double[] t = in.vector(tactileFeature);
            System.arraycopy(obs.tactile(), 0, t, 0, t.length);
        }
        in.instruction(obs.instruction());
        return runtime.infer(chunkOut);
    }

    /** Where the camera images come from (its counters tell how many were shrunk and reused). */
    public PolicyFrames frames() {
        return frames;
    }
}
