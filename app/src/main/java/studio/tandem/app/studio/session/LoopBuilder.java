package studio.tandem.app.studio.session;

import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.failure.FailureMonitor;
import studio.tandem.autonomy.language.InstructionChannel;
import studio.tandem.autonomy.loop.ControlLoop;
import studio.tandem.autonomy.loop.LoopConfig;
import studio.tandem.autonomy.loop.LoopLayout;
import studio.tandem.autonomy.policy.HandPolicies;
import studio.tandem.autonomy.policy.PolicyRuntime;
import studio.tandem.autonomy.safety.SafetyFilter;
import studio.tandem.autonomy.station.StationFrames;
import studio.tandem.autonomy.station.StationPort;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.station.Station;

/**
 * Builds the session's control loops over one station and operator: the safety filter from the
 * station's limits, a failure monitor when a policy runs, the instruction channel. Any thread.
 */
final class LoopBuilder {
    /** Failure score (dimensionless) above which the studio calls the operator when the manifest has none. */
    static final double FAILURE_THRESHOLD = 0.5;
    private static final int FAILURE_STEPS = 5;

    private final Station station;
    private final StationOperator operator;
    private final NanoClock clock;
    private final double loopHz;
    private final MeteredArm arm;
    private final MeteredHand hand;
    private final StationPort port;
    private volatile String instruction = "teleoperate";

    LoopBuilder(Station station, StationOperator operator, NanoClock clock, double loopHz) {
        this.station = station;
        this.operator = operator;
        this.clock = clock;
        this.loopHz = loopHz;
        this.arm = new MeteredArm(station.arm());
        this.hand = new MeteredHand(station.hand().orElseThrow());
        this.port = new StationPort(arm, hand);
    }

    /** New arm states the loops have read so far (the arm's rate as the loop sees it). Any thread. */
    long armStates() {
        return arm.states();
    }

    /** Loop reads and commands skipped because the arm or the hand was in FAULT. Any thread. */
    long held() {
        return arm.held() + hand.held();
    }

    /** New hand states the loops have read so far. Any thread. */
    long handStates() {
        return hand.states();
    }

    LoopLayout layout() {
        return port.layout();
    }

    /** The instruction a new loop starts with (the task being recorded). */
    void instruction(String text) {
        instruction = text;
    }

    /**
     * Wires a loaded policy to this station: its cameras feed the policy thread through a thread that
     * shrinks each frame to the policy's input sizes (started and stopped with the policy worker).
     */
    HandPolicies.Wiring wire(PolicyRuntime rt) {
        StationFrames frames = new StationFrames(station.cameras(), rt.inputs().cameras(), clock);
        return HandPolicies.wire(rt, port.layout(), frames, clock);
    }

    ControlLoop build(HandPolicies.Wiring policy, Mode mode) {
        SafetyFilter safety = new SafetyFilter(port.safetyLimits(40, 400), port.layout().armDof(),
                port.workspace(new double[] {-1.2, -1.2, -0.005}, new double[] {1.2, 1.2, 1.5}));
        FailureMonitor failure = policy == null ? FailureMonitor.disabled()
                : new FailureMonitor(threshold(policy), FAILURE_STEPS, pauseOnFailure);
        return new ControlLoop(LoopConfig.defaults(port.layout()).withRate(loopHz), clock, port, operator,
                policy == null ? null : policy.controller(), safety, failure, new InstructionChannel(instruction),
                mode);
    }

    // --- Failure-pause switch and threshold of the loops built from now on (Correct) ---

    private volatile boolean pauseOnFailure = true;
    /** NaN: the policy manifest's calibrated threshold, else {@link #FAILURE_THRESHOLD}. */
    private volatile double failureThreshold = Double.NaN;

    private double threshold(HandPolicies.Wiring policy) {
        if (failureThreshold > 0) {
            return failureThreshold;
        }
        return policy.failureThreshold() > 0 ? policy.failureThreshold() : FAILURE_THRESHOLD;
    }

    /** Whether a failure alert pauses the policy (a lab's default: on, the policy calls the human). */
    void pauseOnFailure(boolean on) {
        pauseOnFailure = on;
    }

    /** Failure score (dimensionless, > 0) above which loops built from now on alert, overriding the manifest's. */
    void failureThreshold(double threshold) {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("failure threshold must be > 0, was " + threshold);
        }
        failureThreshold = threshold;
    }
}
