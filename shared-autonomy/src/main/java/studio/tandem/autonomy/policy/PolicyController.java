package studio.tandem.autonomy.policy;

import studio.tandem.autonomy.arbitration.JointGroup;
import studio.tandem.autonomy.loop.Observation;
import studio.tandem.autonomy.loop.PolicyPort;

/**
 * The policy as the control loop sees it: observations go to an {@link ObservationSlot} for the
 * policy thread, finished chunks come back through a {@link ChunkQueue} into a
 * {@link ChunkScheduler}, whose ensembled action fills the joints of every group the policy drives
 * (one contiguous range of the loop's joint vector: the hand, the arm, or arm and hand). The failure score
 * is the model's declared one when it has one, the chunks' disagreement otherwise.
 * Control thread only (except construction); allocation-free.
 */
public final class PolicyController implements PolicyPort {
    private final boolean[] groups = new boolean[JointGroup.values().length];
    private final int offset;
    private final ObservationSlot slot;
    private final ChunkQueue queue;
    private final ChunkScheduler scheduler;
    private final boolean modelScores;
    private double modelScore = Double.NaN;
    private double score = Double.NaN;

    /**
     * @param group the joint group the actions drive
     * @param offset index of the group's first joint in the loop's joint vector
     * @param modelScores use the model's failure output instead of the disagreement
     */
    public PolicyController(JointGroup group, int offset, ObservationSlot slot, ChunkQueue queue,
            ChunkScheduler scheduler, boolean modelScores) {
        this(java.util.EnumSet.of(group), offset, slot, queue, scheduler, modelScores);
    }

    /**
     * @param driven the joint groups the actions drive, adjacent in the loop's joint vector
     * @param offset index of the first driven joint in the loop's joint vector
     * @param modelScores use the model's failure output instead of the disagreement
     */
    public PolicyController(java.util.Set<JointGroup> driven, int offset, ObservationSlot slot, ChunkQueue queue,
            ChunkScheduler scheduler, boolean modelScores) {
        if (driven.isEmpty()) {
            throw new IllegalArgumentException("policy controller: drives no joint group");
        }
        for (JointGroup g : driven) {
            groups[g.ordinal()] = true;
        }
        this.offset = offset;
        this.slot = slot;
        this.queue = queue;
        this.scheduler = scheduler;
        this.modelScores = modelScores;
    }

    @Override
    public boolean drives(JointGroup g) {
        return groups[g.ordinal()];
    }

    @Override
    public void observe(long nowNanos, Observation observation, String instruction) {
        slot.write(observation.stampNanos() == 0 ? nowNanos : observation.stampNanos(), observation.joints(),
                observation.tactile(), observation.commanded(), instruction);
    }

    @Override
    public boolean actionAt(long nowNanos, double[] out) {
        double s = queue.drainInto(scheduler, nowNanos);
        if (!Double.isNaN(s)) {
            modelScore = s;
        }
        boolean ok = scheduler.actionAt(nowNanos, out, offset);
        score = modelScores ? modelScore : scheduler.score();
        return ok;
    }

    @Override
    public double failureScore() {
        return score;
    }

    public ChunkScheduler scheduler() {
        return scheduler;
    }

    public ChunkQueue queue() {
        return queue;
    }
}
