package studio.tandem.autonomy.policy;

import studio.tandem.autonomy.arbitration.JointGroup;
import studio.tandem.autonomy.loop.LoopLayout;
import studio.tandem.dataset.time.NanoClock;

/**
 * Wires a loaded {@link PolicyRuntime} into the loop: the observation slot, chunk queue, scheduler,
 * {@link PolicyController} (the loop's port) and the {@link PolicyWorker} that runs inference.
 */
public final class HandPolicies {
    /** Chunks kept for ensembling. */
    private static final int MAX_CHUNKS = 16;

    /**
     * The loop-side port and the policy thread of one policy.
     *
     * @param failureThreshold the manifest's calibrated failure threshold, NaN when it has none
     */
    public record Wiring(PolicyController controller, PolicyWorker worker, double inferenceHz,
            double failureThreshold) {
    }

    private HandPolicies() {
    }

    /**
     * Wires a policy whose camera frames are produced on demand and shrunk on the policy thread.
     *
     * @param frames where the policy thread takes camera frames from
     * @throws IllegalArgumentException when the policy's actions do not fit the layout's group
     */
    public static Wiring wire(PolicyRuntime rt, LoopLayout layout, FrameSource frames, NanoClock clock) {
        return wire(rt, layout, new ShrinkOnCall(frames, rt.inputs().cameras()), clock);
    }

    /**
     * @param frames the camera images, shrunk where they arrive; started and closed with the worker
     * @throws IllegalArgumentException when the policy's actions do not fit the layout's group
     */
    public static Wiring wire(PolicyRuntime rt, LoopLayout layout, PolicyFrames frames, NanoClock clock) {
        PolicyManifest m = rt.manifest();
        boolean hand = m.action().group().equals("hand");
        int groupDof = hand ? layout.handDof() : layout.armDof();
        if (m.action().dim() != groupDof) {
            throw new IllegalArgumentException("policy " + m.model() + ": action '" + m.action().tensor() + "' has "
                    + m.action().dim() + " values per step but the station's " + m.action().group() + " has "
                    + groupDof + " joints");
        }
        int offset = hand ? layout.armDof() : 0;
        int length = m.action().horizon() * m.action().dim();
        ObservationSlot slot = new ObservationSlot(layout.joints(), layout.tactileDim());
        ChunkQueue queue = new ChunkQueue(8, length);
        FeatureStats stats = m.statsFor(m.action().feature(), m.action().dim());
        double[] scale = new double[m.action().dim()];
        for (int i = 0; i < scale.length; i++) {
            scale[i] = stats.scale(i);
        }
        ChunkScheduler scheduler = new ChunkScheduler(m.action().horizon(), m.action().dim(), m.actionFps(),
                MAX_CHUNKS, 0.01, scale);
        PolicyController controller = new PolicyController(hand ? JointGroup.HAND : JointGroup.ARM, offset, slot,
                queue, scheduler, m.failureTensor() != null);
        ChunkPredictor predictor = new RuntimePredictor(rt, frames, feature(m, OnnxNames.STATE), offset,
                feature(m, OnnxNames.TACTILE));
        PolicyWorker worker = new PolicyWorker(predictor, slot, queue, clock, m.inferenceHz(), length);
        worker.manage(frames);
        return new Wiring(controller, worker, m.inferenceHz(), m.failureThreshold());
    }

    private static String feature(PolicyManifest m, String tensor) {
        for (ManifestInput in : m.inputs()) {
            if (in instanceof ManifestInput.Vector v && v.tensor().equals(tensor)) {
                return v.feature();
            }
        }
        if (tensor.equals(OnnxNames.STATE)) {
            throw new IllegalArgumentException("policy " + m.model() + ": no vector input named '" + tensor + "'");
        }
        return null;
    }
}
