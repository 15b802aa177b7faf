package studio.tandem.autonomy.eval;

import studio.tandem.autonomy.arbitration.JointGroup;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.failure.FailureMonitor;
import studio.tandem.autonomy.language.InstructionChannel;
import studio.tandem.autonomy.loop.ControlLoop;
import studio.tandem.autonomy.loop.LoopConfig;
import studio.tandem.autonomy.loop.TickData;
import studio.tandem.autonomy.policy.FrameSource;
import studio.tandem.autonomy.policy.HandPolicies;
import studio.tandem.autonomy.policy.PolicyRuntime;
import studio.tandem.autonomy.safety.SafetyFilter;
import studio.tandem.autonomy.station.StationPort;
import studio.tandem.dataset.time.ManualClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.robot.HandState;
import studio.tandem.teleop.script.Scripts;
import studio.tandem.teleop.script.Sequence;
import studio.tandem.teleop.script.SetClosure;
import studio.tandem.teleop.sim.SimConfig;
import studio.tandem.teleop.sim.SimSnapshot;
import studio.tandem.teleop.station.SimulatedStation;

/**
 * One grasp-and-lift episode on the simulated station in simulated time (deterministic per seed):
 * a scripted operator drives the arm through the control loop; in SHARED and AUTONOMOUS mode the
 * hand policy runs the hand (its worker stepped at its inference rate), and when the hand has not
 * closed on the object by the time the operator lifts, the operator takes the hand over (an
 * intervention), closes it and keeps the takeover button held to the end of the episode. In TELEOP mode the
 * operator works the hand too. In AUTONOMOUS mode with a policy that drives the arm, the operator stays
 * hands-off and only takes over when {@link AutonomousWatch} sees the policy go wrong (with a hand-only
 * policy the arm has no policy action, so the script drives it as in SHARED).
 */
public final class SimEpisode {
    /** Control rate of evaluation episodes (Hz). */
    public static final double LOOP_HZ = 100;
    private static final long PERIOD = Math.round(1e9 / LOOP_HZ);
    static final double LIFT = 0.15;
    private static final double MAX_SECONDS = 25;
    /** Ticks in a row above the failure threshold before an alert. */
    private static final int FAILURE_STEPS = 3;

    /** Builds the policy for an episode's station; not called in TELEOP. */
    public interface PolicyFactory {
        HandPolicies.Wiring create(StationPort port, FrameSource camera, ManualClock clock);
    }

    /** A factory over one loaded runtime (reused across episodes). */
    public static PolicyFactory of(PolicyRuntime runtime) {
        return (port, camera, clock) -> HandPolicies.wire(runtime, port.layout(), camera, clock);
    }

    /** Receives every control tick (e.g. to collect demonstrations). */
    public interface TickSink {
        void onTick(TickData tick, int armDof, FrameSource camera, String instruction);
    }

    private SimEpisode() {
    }

    public static EpisodeOutcome run(long seed, Mode mode, PolicyFactory policies, TickSink sink)
            throws DeviceException {
        return run(seed, mode, policies, sink, WristCameras.probe());
    }

    /**
     * @param camera which wrist camera the policy and the sink see ({@link WristCameras#probe()})
     */
    public static EpisodeOutcome run(long seed, Mode mode, PolicyFactory policies, TickSink sink,
            WristCameras.Choice camera) throws DeviceException {
        return run(seed, mode, policies, sink, camera, null);
    }

    /**
     * @param noise offsets added to the scripted operator's arm targets (demonstrations), or null
     */
    public static EpisodeOutcome run(long seed, Mode mode, PolicyFactory policies, TickSink sink,
            WristCameras.Choice camera, ArmNoise noise) throws DeviceException {
        ManualClock clock = new ManualClock(1_000_000_000L);
        try (SimulatedStation sim = SimulatedStation.create(SimConfig.defaults(seed), clock, false)) {
            sim.station().connect();
            sim.station().activate();
            for (int i = 0; i < 30; i++) {
                sim.engine().step(PERIOD);
                clock.advanceNanos(PERIOD);
            }
            try (WristCameras.Source wrist = WristCameras.open(camera, sim)) {
                return drive(sim, clock, seed, mode, policies, sink, wrist, noise);
            }
        }
    }

    private static EpisodeOutcome drive(SimulatedStation sim, ManualClock clock, long seed, Mode mode,
            PolicyFactory policies, TickSink sink, FrameSource camera, ArmNoise noise) {
        GraspTask task = GraspTask.draw(seed);
        SimSnapshot snap = sim.engine().newSnapshot();
        sim.engine().read(snap);
        double z0 = snap.objectPose(task.object(), 2);
        StationPort port = new StationPort(sim.arm(), sim.hand());
        HandPolicies.Wiring policy = mode == Mode.TELEOP ? null : policies.create(port, camera, clock);
        ScriptedOperatorPort operator = new ScriptedOperatorPort(sim.arm(), sim.hand(), policy == null, 1 / LOOP_HZ);
        operator.noise(noise);
        FailureMonitor monitor = policy == null || !(policy.failureThreshold() > 0) ? FailureMonitor.disabled()
                : new FailureMonitor(policy.failureThreshold(), FAILURE_STEPS, false);
        SafetyFilter safety = new SafetyFilter(port.safetyLimits(40, 400), port.layout().armDof(),
                port.workspace(new double[] {-1.2, -1.2, -0.005}, new double[] {1.2, 1.2, 1.5}));
        ControlLoop loop = new ControlLoop(LoopConfig.defaults(port.layout()).withRate(LOOP_HZ), clock, port,
                operator, policy == null ? null : policy.controller(), safety, monitor,
                new InstructionChannel(task.instruction()), policy == null ? Mode.TELEOP : mode);
        Runner r = new Runner(sim, clock, loop, policy, sink, camera, task.instruction());
        boolean finished;
        double seconds;
        if (mode == Mode.AUTONOMOUS && policy != null && policy.controller().drives(JointGroup.ARM)) {
            AutonomousWatch watch = new AutonomousWatch(sim.engine(), task, z0);
            seconds = r.runAutonomous(watch, operator);
            finished = watch.finished();
        } else {
            Sequence script = Scripts.graspAndLift(operator.io(), task.pose(snap), LIFT);
            seconds = r.runScript(script, operator, policy != null);
            finished = script.isDone();
        }
        r.hold(0.5);
        sim.engine().read(snap);
        double lift = snap.objectPose(task.object(), 2) - z0;
        return new EpisodeOutcome(finished && lift > 0.08, seconds, operator.effort(), loop.interventions(),
                lift, monitor.alerts());
    }

    /** Steps script, loop, policy and physics together in simulated time. */
    private static final class Runner {
        final SimulatedStation sim;
        final ManualClock clock;
        final ControlLoop loop;
        final HandPolicies.Wiring policy;
        final TickSink sink;
        final FrameSource camera;
        final String instruction;
        final TickData scratch;
        final HandState hand;
        long nextInference;

        Runner(SimulatedStation sim, ManualClock clock, ControlLoop loop, HandPolicies.Wiring policy, TickSink sink,
                FrameSource camera, String instruction) {
            this.sim = sim;
            this.clock = clock;
            this.loop = loop;
            this.policy = policy;
            this.sink = sink;
            this.camera = camera;
            this.instruction = instruction;
            this.scratch = new TickData(loop.config().layout());
            this.hand = new HandState(sim.hand().spec().dof(), sim.hand().spec().fingertips());
            this.nextInference = clock.nanoTime();
        }

        double runScript(Sequence script, ScriptedOperatorPort operator, boolean policyHand) {
            long start = clock.nanoTime();
            script.start(start);
            SetClosure takeover = null;
            while (!script.isDone() && clock.nanoTime() - start < MAX_SECONDS * 1e9) {
                if (policyHand && takeover == null && "lift".equals(currentLeaf(script)) && !holding()) {
                    operator.handsOn(true);
                    operator.holdTakeover(true);
                    operator.io().sendClosure(closureNow(), clock.nanoTime());
                    takeover = new SetClosure("takeover", operator.io(), 1, 600_000_000L);
                    takeover.start(clock.nanoTime());
                }
                if (operator.noise() != null) {
                    String leaf = currentLeaf(script);
                    operator.noise().on("reach".equals(leaf) || "descend".equals(leaf));
                }
                if (takeover != null && !takeover.isDone()) {
                    takeover.step(clock.nanoTime());
                } else {
                    script.step(clock.nanoTime());
                }
                tick();
            }
            script.end(!script.isDone());
            return (clock.nanoTime() - start) / 1e9;
        }

        /**
         * The policy drives arm and hand while the operator stays hands-off; when the watch says the
         * policy went wrong, the operator takes over (takeover held to the end) and grasps and lifts
         * from where the arm is.
         */
        double runAutonomous(AutonomousWatch watch, ScriptedOperatorPort operator) {
            long start = clock.nanoTime();
            Sequence rescue = null;
            while (clock.nanoTime() - start < MAX_SECONDS * 1e9) {
                double t = (clock.nanoTime() - start) / 1e9;
                if (rescue == null) {
                    if (watch.lifted()) {
                        break;
                    }
                    if (watch.wentWrong(t, operator.io().readArm().tcp())) {
                        rescue = watch.takeOver(operator, clock.nanoTime());
                    }
                } else if (rescue.isDone()) {
                    break;
                } else {
                    rescue.step(clock.nanoTime());
                }
                tick();
            }
            if (rescue != null) {
                rescue.end(!rescue.isDone());
            }
            return (clock.nanoTime() - start) / 1e9;
        }

        void hold(double seconds) {
            for (int i = 0; i < seconds * LOOP_HZ; i++) {
                tick();
            }
        }

        void tick() {
            if (policy != null && clock.nanoTime() >= nextInference) {
                policy.worker().step();
                nextInference += Math.round(1e9 / policy.inferenceHz());
            }
            loop.tick();
            if (sink != null && loop.ticks().read(loop.ticks().lastSequence(), scratch)) {
                sink.onTick(scratch, loop.config().layout().armDof(), camera, instruction);
            }
            sim.engine().step(PERIOD);
            clock.advanceNanos(PERIOD);
        }

        boolean holding() {
            sim.hand().read(hand);
            double sum = 0;
            for (double t : hand.tactile()) {
                sum += t;
            }
            return sum > 0.5;
        }

        double closureNow() {
            sim.hand().read(hand);
            HandSpec spec = sim.hand().spec();
            double c = 0;
            for (int i = 0; i < spec.dof(); i++) {
                double span = spec.closed()[i] - spec.open()[i];
                c += Math.abs(span) < 1e-9 ? 0 : (hand.positions()[i] - spec.open()[i]) / span;
            }
            return Math.max(0, Math.min(1, c / spec.dof()));
        }

        private static String currentLeaf(Sequence s) {
            return s.currentName();
        }
    }
}
