package studio.tandem.autonomy.policy;

import java.util.EnumSet;
import java.util.Set;
import studio.tandem.autonomy.arbitration.JointGroup;
import studio.tandem.autonomy.loop.LoopLayout;
import studio.tandem.dataset.time.NanoClock;

/**
 * Wires a loaded {@link PolicyRuntime} into the loop: the observation slot, chunk queue, scheduler,
 * {@link PolicyController} (the loop's port) and the {@link PolicyWorker} that runs inference. A hand
 * policy drives the hand; an arm+hand policy drives both groups (the arbitration table decides per
 * tick which of them it commands); blocks declared as deltas become joint targets on the policy thread
 * ({@link DeltaActions}).
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
     * @throws IllegalArgumentException naming the tensor, feature and sizes when the policy's actions do not
     *     fit the layout's groups
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
        Set<JointGroup> driven = EnumSet.noneOf(JointGroup.class);
        for (PolicyManifest.ActionBlock b : m.action().blocks()) {
            int dof = dof(layout, b.jointGroup());
            if (b.length() != dof) {
                throw new IllegalArgumentException("policy " + m.model() + ": action '" + m.action().tensor() + "' ("
                        + b.feature() + ") has " + b.length() + " values per step but the station's " + b.group()
                        + " has " + dof + " joints");
            }
            driven.add(b.jointGroup());
        }
        int offset = offset(layout, m.action().blocks().get(0).jointGroup());
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
        PolicyController controller = new PolicyController(driven, offset, slot, queue, scheduler,
                m.failureTensor() != null);
        ChunkPredictor predictor = DeltaActions.wrap(new RuntimePredictor(rt, frames, feature(m, OnnxNames.STATE),
                offset, feature(m, OnnxNames.TACTILE)), m.action(), offset);
        PolicyWorker worker = new PolicyWorker(predictor, slot, queue, clock, m.inferenceHz(), length);
        worker.manage(frames);
        return new Wiring(controller, worker, m.inferenceHz(), m.failureThreshold());
    }

    private static int dof(LoopLayout layout, JointGroup g) {
        return g == JointGroup.ARM ? layout.armDof() : layout.handDof();
    }

    /** Index of the group's first joint in the loop's joint vector (arm, then hand). */
    private static int offset(LoopLayout layout, JointGroup g) {
        return g == JointGroup.ARM ? 0 : layout.armDof();
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
