package studio.tandem.autonomy.loop;

import java.util.Arrays;
import java.util.List;
import studio.tandem.autonomy.arbitration.Authority;
import studio.tandem.autonomy.arbitration.Mode;

/**
 * One tick's data in preallocated, reusable vectors: the slots of the {@link TickRing} and the
 * scratch a reader copies into. Getters return the live arrays: read them, never keep them.
 * Joint vectors are arm then hand, radians.
 */
public final class TickData {
    /** Events one tick can carry; more are counted in {@link #droppedEvents()}. */
    public static final int MAX_EVENTS = 8;

    long sequence = -1;
    long nanos;
    Mode mode = Mode.TELEOP;
    Authority armAuthority = Authority.OPERATOR;
    Authority handAuthority = Authority.OPERATOR;
    final double[] jointState;
    final double[] tactile;
    final double[] operatorCommand;
    final double[] policyProposal;
    final double[] executed;
    boolean intervention;
    boolean policyFresh;
    String instruction = "";
    double failureScore = Double.NaN;
    int safetyFlags;
    final LoopEvent[] events = new LoopEvent[MAX_EVENTS];
    int eventCount;
    int droppedEvents;

    public TickData(LoopLayout layout) {
        jointState = new double[layout.joints()];
        tactile = new double[layout.tactileDim()];
        operatorCommand = new double[layout.joints()];
        policyProposal = new double[layout.joints()];
        executed = new double[layout.joints()];
    }

    /** Tick index since the loop started (the sequence number of the ring). */
    public long sequence() {
        return sequence;
    }

    /** Loop time of the tick (process clock, ns). */
    public long nanos() {
        return nanos;
    }

    public Mode mode() {
        return mode;
    }

    public Authority armAuthority() {
        return armAuthority;
    }

    public Authority handAuthority() {
        return handAuthority;
    }

    public double[] jointState() {
        return jointState;
    }

    public double[] tactile() {
        return tactile;
    }

    public double[] operatorCommand() {
        return operatorCommand;
    }

    /** The policy's proposal (NaN where it proposed nothing). */
    public double[] policyProposal() {
        return policyProposal;
    }

    /** What was sent to the station, after arbitration and the safety filter. */
    public double[] executed() {
        return executed;
    }

    public boolean intervention() {
        return intervention;
    }

    public boolean policyFresh() {
        return policyFresh;
    }

    public String instruction() {
        return instruction;
    }

    public double failureScore() {
        return failureScore;
    }

    public int safetyFlags() {
        return safetyFlags;
    }

    public int eventCount() {
        return eventCount;
    }

    public LoopEvent event(int i) {
        if (i < 0 || i >= eventCount) {
            throw new IndexOutOfBoundsException(i);
        }
        return events[i];
    }

    public int droppedEvents() {
        return droppedEvents;
    }

    void addEvent(LoopEvent e) {
        if (eventCount < MAX_EVENTS) {
            events[eventCount++] = e;
        } else {
            droppedEvents++;
        }
    }

    void clearEvents() {
        for (int i = 0; i < eventCount; i++) {
            events[i] = null;
        }
        eventCount = 0;
        droppedEvents = 0;
    }

    /** Copies every field of {@code o} into this (same layout). Allocation-free. */
    public void copyFrom(TickData o) {
        sequence = o.sequence;
        nanos = o.nanos;
        mode = o.mode;
        armAuthority = o.armAuthority;
        handAuthority = o.handAuthority;
        System.arraycopy(o.jointState, 0, jointState, 0, jointState.length);
        System.arraycopy(o.tactile, 0, tactile, 0, tactile.length);
        System.arraycopy(o.operatorCommand, 0, operatorCommand, 0, operatorCommand.length);
        System.arraycopy(o.policyProposal, 0, policyProposal, 0, policyProposal.length);
        System.arraycopy(o.executed, 0, executed, 0, executed.length);
        intervention = o.intervention;
        policyFresh = o.policyFresh;
        instruction = o.instruction;
        failureScore = o.failureScore;
        safetyFlags = o.safetyFlags;
        System.arraycopy(o.events, 0, events, 0, MAX_EVENTS);
        eventCount = o.eventCount;
        droppedEvents = o.droppedEvents;
    }

    /** An immutable copy (allocates: for the UI and tests, not the hot path). */
    public Tick toTick() {
        return new Tick(sequence, nanos, mode, armAuthority, handAuthority, jointState.clone(), tactile.clone(),
                operatorCommand.clone(), policyProposal.clone(), executed.clone(), intervention, policyFresh,
                instruction, failureScore, safetyFlags, List.copyOf(Arrays.asList(events).subList(0, eventCount)));
    }
}
