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

    /**
     * Wires a loaded policy to this station: its cameras feed the policy thread through a thread that
     * shrinks each frame to the policy's input sizes (started and stopped with the policy worker).
     */
    HandPolicies.Wiring wire(PolicyRuntime rt) {
        StationFrames frames = new StationFrames(sim.station().cameras(), rt.inputs().cameras(), clock);
        return HandPolicies.wire(rt, port.layout(), frames, clock);
    }

    ControlLoop build(HandPolicies.Wiring policy, Mode mode) {
        SafetyFilter safety = new SafetyFilter(port.safetyLimits(40, 400), port.layout().armDof(),
                port.workspace(new double[] {-1.2, -1.2, -0.005}, new double[] {1.2, 1.2, 1.5}));
        FailureMonitor failure = policy == null ? FailureMonitor.disabled()
                : new FailureMonitor(FAILURE_THRESHOLD, FAILURE_STEPS, false);
        return new ControlLoop(LoopConfig.defaults(port.layout()).withRate(loopHz), clock, port, operator,
                policy == null ? null : policy.controller(), safety, failure, new InstructionChannel(instruction),
                mode);
    }
}
