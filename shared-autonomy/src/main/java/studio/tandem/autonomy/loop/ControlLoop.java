package studio.tandem.autonomy.loop;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import studio.tandem.autonomy.arbitration.ArbitrationTable;
import studio.tandem.autonomy.arbitration.Authority;
import studio.tandem.autonomy.arbitration.JointGroup;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.failure.FailureMonitor;
import studio.tandem.autonomy.intervention.InterventionDetector;
import studio.tandem.autonomy.language.InstructionChannel;
import studio.tandem.autonomy.safety.SafetyFilter;
import studio.tandem.autonomy.safety.SafetyFlags;
import studio.tandem.dataset.time.NanoClock;

/**
 * The shared-autonomy control loop: read the station → read the operator → language → policy →
 * intervention → arbitration → safety filter (always last) → write → publish a tick.
 *
 * <p>{@link #tick()} runs on one thread only (the {@link LoopRunner}'s, or a test's); it allocates
 * nothing except the rare {@link LoopEvent}s. {@link #requestMode}, {@link #requestArbitration},
 * {@link #eStop()}, {@link #resetEStop()}, {@link #resumePolicy()} and the instruction channel may be
 * called from any thread; they take effect at the next tick.
 */
public final class ControlLoop {
    static final String[] STAGES = {"read", "operator", "policy", "arbitrate", "safety", "write", "publish"};

    private final LoopConfig config;
    private final NanoClock clock;
    private final RobotPort robot;
    private final OperatorPort operator;
    private final PolicyPort policy;
    private final SafetyFilter safety;
    private final FailureMonitor failure;
    private final InstructionChannel instruction;
    private final TickRing ring;
    private final InterventionDetector intervention;
    private final PeriodStats periodStats;
    private final StageWatchdog watchdog;
    private final Observation observation;
    private final OperatorSample operatorSample;
    private final double[] operatorCommand;
    private final double[] proposal;
    private final double[] requested;
    private final double[] executed;
    private final int armDof;
    private final int joints;
    private volatile Mode requestedMode;
    private final AtomicReference<ArbitrationRequest> requestedArbitration = new AtomicReference<>();
    private volatile ArbitrationTable table;
    private volatile boolean resumeRequested;
    private Mode mode;
    private Authority armAuthority = Authority.OPERATOR;
    private Authority handAuthority = Authority.OPERATOR;
    private int lastSafetyAlerts;
    private long sequence;
    private long lastNanos = Long.MIN_VALUE;
    private boolean operatorSeen;
    private boolean policyFresh;

    /**
     * @param policy the policy, or null for none (TELEOP only in practice)
     * @param failure the failure monitor ({@link FailureMonitor#disabled()} for none)
     */
    public ControlLoop(LoopConfig config, NanoClock clock, RobotPort robot, OperatorPort operator,
            PolicyPort policy, SafetyFilter safety, FailureMonitor failure, InstructionChannel instruction,
            Mode initialMode) {
        LoopLayout layout = config.layout();
        if (safety.size() != layout.joints()) {
            throw new IllegalArgumentException("control loop: safety filter covers " + safety.size()
                    + " joints, layout has " + layout.joints());
        }
        this.config = config;
        this.clock = clock;
        this.robot = robot;
        this.operator = operator;
        this.policy = policy;
        this.safety = safety;
        this.failure = failure;
        this.instruction = instruction;
        this.ring = new TickRing(layout, config.ringCapacity());
        this.intervention = new InterventionDetector(config.intervention());
        this.periodStats = new PeriodStats(config.periodNanos());
        this.watchdog = new StageWatchdog(config.periodNanos(), STAGES);
        this.observation = new Observation(layout);
        this.operatorSample = new OperatorSample(layout);
        this.operatorCommand = new double[layout.joints()];
        this.proposal = new double[layout.joints()];
        this.requested = new double[layout.joints()];
        this.executed = new double[layout.joints()];
        this.armDof = layout.armDof();
        this.joints = layout.joints();
        this.mode = initialMode;
        this.table = config.table();
    }

    /** Runs one control step at the clock's current time. Control thread only. */
    public void tick() {
        long now = clock.nanoTime();
        double dt = periodSeconds(now);
        TickData t = ring.begin(sequence);
        t.nanos = now;
        watchdog.begin(now);
        applyRequests(t, now);
        robot.read(observation);
        watchdog.epoch(0, clock.nanoTime());
        readOperator(t, now);
        watchdog.epoch(1, clock.nanoTime());
        boolean policyReady = runPolicy(t, now);
        watchdog.epoch(2, clock.nanoTime());
        arbitrate(t, now, policyReady);
        watchdog.epoch(3, clock.nanoTime());
        int flags = safety.filter(requested, observation.joints(), dt, executed);
        noteSafety(t, now, flags);
        watchdog.epoch(4, clock.nanoTime());
        robot.write(executed);
        watchdog.epoch(5, clock.nanoTime());
        fill(t, flags);
        ring.publish(sequence);
        sequence++;
        long end = clock.nanoTime();
        watchdog.epoch(6, end);
        watchdog.end(end);
    }

    private double periodSeconds(long now) {
        long nominal = config.periodNanos();
        long period = lastNanos == Long.MIN_VALUE ? nominal : now - lastNanos;
        if (lastNanos != Long.MIN_VALUE) {
            periodStats.record(period);
        }
        lastNanos = now;
        return Math.min(Math.max(period, 1), 2 * nominal) / 1e9;
    }

    private void applyRequests(TickData t, long now) {
        ArbitrationRequest swap = requestedArbitration.getAndSet(null);
        if (swap != null) {
            table = swap.table();
            switchMode(t, now, swap.mode());
        }
        Mode want = requestedMode;
        if (want != null) {
            requestedMode = null;
            switchMode(t, now, want);
        }
        if (resumeRequested) {
            resumeRequested = false;
            if (failure.paused()) {
                failure.resume();
                t.addEvent(new LoopEvent.PolicyResumed(sequence, now));
            }
        }
        if (instruction.poll()) {
            t.addEvent(new LoopEvent.InstructionCorrected(sequence, now, instruction.current()));
        }
    }

    private void switchMode(TickData t, long now, Mode want) {
        if (want == mode) {
            return;
        }
        t.addEvent(new LoopEvent.ModeChanged(sequence, now, mode, want));
        mode = want;
        if (intervention.cancel()) {
            t.addEvent(new LoopEvent.InterventionEnded(sequence, now));
        }
    }

    private void readOperator(TickData t, long now) {
        operatorSample.armMotion = 0;
        operatorSample.handMotion = 0;
        operatorSample.takeoverHeld = false;
        operatorSample.estopPressed = false;
        if (operator.read(operatorSample)) {
            System.arraycopy(operatorSample.target(), 0, operatorCommand, 0, joints);
            operatorSeen = true;
        } else if (!operatorSeen) {
            System.arraycopy(observation.joints(), 0, operatorCommand, 0, joints);
        }
        if (operatorSample.estopPressed && !safety.eStopLatched()) {
            safety.engageEStop();
        }
        double motion = 0;
        if (policyCommands(JointGroup.ARM)) {
            motion += operatorSample.armMotion;
        }
        if (policyCommands(JointGroup.HAND)) {
            motion += operatorSample.handMotion;
        }
        boolean takeover = mode != Mode.TELEOP && operatorSample.takeoverHeld;
        int change = intervention.step(now, mode == Mode.TELEOP ? 0 : motion, takeover);
        if (change == InterventionDetector.STARTED) {
            t.addEvent(new LoopEvent.InterventionStarted(sequence, now));
        } else if (change == InterventionDetector.ENDED) {
            t.addEvent(new LoopEvent.InterventionEnded(sequence, now));
        }
    }

    /** Whether the policy would command {@code g} in this mode: only motion there is a takeover. */
    private boolean policyCommands(JointGroup g) {
        return policy != null && policy.drives(g) && table.base(mode, g) != Authority.OPERATOR;
    }

    private boolean runPolicy(TickData t, long now) {
        Arrays.fill(proposal, Double.NaN);
        policyFresh = false;
        if (policy == null) {
            t.failureScore = Double.NaN;
            return false;
        }
        System.arraycopy(executed, 0, observation.commanded(), 0, joints);
        policy.observe(now, observation, instruction.current());
        boolean fresh = policy.actionAt(now, proposal);
        policyFresh = fresh;
        double score = fresh ? policy.failureScore() : Double.NaN;
        t.failureScore = score;
        if (failure.step(score) == FailureMonitor.ALERT) {
            t.addEvent(new LoopEvent.FailureAlert(sequence, now, score, failure.pausesOnFailure()));
        }
        return fresh && !failure.paused();
    }

    private void arbitrate(TickData t, long now, boolean policyReady) {
        ArbitrationTable table = this.table;
        boolean on = intervention.intervening();
        Authority arm = table.authority(mode, JointGroup.ARM, on,
                policyReady && policy.drives(JointGroup.ARM));
        Authority hand = table.authority(mode, JointGroup.HAND, on,
                policyReady && policy.drives(JointGroup.HAND));
        if (arm != armAuthority) {
            t.addEvent(new LoopEvent.AuthorityChanged(sequence, now, JointGroup.ARM, armAuthority, arm));
            armAuthority = arm;
        }
        if (hand != handAuthority) {
            t.addEvent(new LoopEvent.AuthorityChanged(sequence, now, JointGroup.HAND, handAuthority, hand));
            handAuthority = hand;
        }
        table.combine(arm, operatorCommand, proposal, 0, armDof, requested);
        table.combine(hand, operatorCommand, proposal, armDof, joints, requested);
    }

    private void noteSafety(TickData t, long now, int flags) {
        int alerts = flags & SafetyFlags.ALERTS;
        if ((alerts & ~lastSafetyAlerts) != 0) {
            t.addEvent(new LoopEvent.SafetyAlert(sequence, now, alerts));
        }
        lastSafetyAlerts = alerts;
    }

    private void fill(TickData t, int flags) {
        t.mode = mode;
        t.armAuthority = armAuthority;
        t.handAuthority = handAuthority;
        System.arraycopy(observation.joints(), 0, t.jointState, 0, joints);
        System.arraycopy(observation.tactile(), 0, t.tactile, 0, t.tactile.length);
        System.arraycopy(operatorCommand, 0, t.operatorCommand, 0, joints);
        System.arraycopy(proposal, 0, t.policyProposal, 0, joints);
        System.arraycopy(executed, 0, t.executed, 0, joints);
        t.intervention = intervention.intervening();
        t.policyFresh = policyFresh;
        t.instruction = instruction.current();
        t.safetyFlags = flags;
    }

    /** Switches mode at the next tick (recorded as an event). Any thread. */
    public void requestMode(Mode m) {
        requestedMode = m;
    }

    /**
     * Swaps the arbitration table and the mode together between two ticks, without rebuilding the
     * loop: who commands each joint group (operator, policy, blend and its weight) changes at the next
     * tick, and the tick's authority shows it. A TELEOP row stays operator-only ({@link
     * ArbitrationTable#with} refuses anything else). Any thread; the tick itself allocates nothing.
     */
    public void requestArbitration(ArbitrationTable next, Mode m) {
        requestedArbitration.set(new ArbitrationRequest(Objects.requireNonNull(next, "table"),
                Objects.requireNonNull(m, "mode")));
    }

    /** The arbitration table in force (the last one swapped in at a tick). Any thread. */
    public ArbitrationTable arbitration() {
        return table;
    }

    /** A table and the mode to use it in, applied at one tick. */
    private record ArbitrationRequest(ArbitrationTable table, Mode mode) {
    }

    /** Latches the e-stop at once: the next command holds. Any thread. */
    public void eStop() {
        safety.engageEStop();
    }

    public void resetEStop() {
        safety.resetEStop();
    }

    /** Resumes a policy paused by the failure monitor, at the next tick. Any thread. */
    public void resumePolicy() {
        resumeRequested = true;
    }

    public TickRing ticks() {
        return ring;
    }

    public PeriodStats periodStats() {
        return periodStats;
    }

    public StageWatchdog watchdog() {
        return watchdog;
    }

    public InstructionChannel instruction() {
        return instruction;
    }

    public SafetyFilter safety() {
        return safety;
    }

    public FailureMonitor failureMonitor() {
        return failure;
    }

    /** Interventions started so far. */
    public long interventions() {
        return intervention.count();
    }

    /** The mode in force (control thread's view). */
    public Mode mode() {
        return mode;
    }

    public LoopConfig config() {
        return config;
    }
}
