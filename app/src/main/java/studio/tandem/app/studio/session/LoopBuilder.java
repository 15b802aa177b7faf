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
import studio.tandem.teleop.station.SimulatedStation;

/**
 * Builds the session's control loops over one station and operator: the safety filter from the
 * station's limits, a failure monitor when a policy runs, the instruction channel. Any thread.
 */
final class LoopBuilder {
    /** Failure score (dimensionless) above which the studio calls the operator. */
    static final double FAILURE_THRESHOLD = 0.5;
    private static final int FAILURE_STEPS = 5;

    private final SimulatedStation sim;
    private final KeyboardOperator operator;
    private final NanoClock clock;
    private final double loopHz;
    private final StationPort port;
    private volatile String instruction = "teleoperate";

    LoopBuilder(SimulatedStation sim, KeyboardOperator operator, NanoClock clock, double loopHz) {
        this.sim = sim;
        this.operator = operator;
        this.clock = clock;
        this.loopHz = loopHz;
        this.port = new StationPort(sim.arm(), sim.hand());
    }

    LoopLayout layout() {
        return port.layout();
    }

    /** The instruction a new loop starts with (the task being recorded). */
    void instruction(String text) {
        instruction = text;
    }

    /** Wires a loaded policy to this station (its cameras feed the policy thread). */
    HandPolicies.Wiring wire(PolicyRuntime rt) {
        return HandPolicies.wire(rt, port.layout(), new StationFrames(sim.station().cameras()), clock);
    }

    ControlLoop build(HandPolicies.Wiring policy, Mode mode) {
        SafetyFilter safety = new SafetyFilter(port.safetyLimits(40, 400), port.layout().armDof(),
                port.workspace(new double[] {-1.2, -1.2, -0.005}, new double[] {1.2, 1.2, 1.5}));
        FailureMonitor failure = policy == null ? FailureMonitor.disabled()
                : new FailureMonitor(failureThreshold, FAILURE_STEPS, pauseOnFailure);
        return new ControlLoop(LoopConfig.defaults(port.layout()).withRate(loopHz), clock, port, operator,
                policy == null ? null : policy.controller(), safety, failure, new InstructionChannel(instruction),
                mode);
    }

    // --- Failure-pause switch and threshold of the loops built from now on (Correct) ---

    private volatile boolean pauseOnFailure = true;
    private volatile double failureThreshold = FAILURE_THRESHOLD;

    /** Whether a failure alert pauses the policy (a lab's default: on, the policy calls the human). */
    void pauseOnFailure(boolean on) {
        pauseOnFailure = on;
    }

    /** Failure score (dimensionless, > 0) above which loops built from now on alert. */
    void failureThreshold(double threshold) {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("failure threshold must be > 0, was " + threshold);
        }
        failureThreshold = threshold;
    }
}
