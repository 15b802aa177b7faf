package studio.tandem.autonomy.loop;

import java.util.Arrays;
import studio.tandem.autonomy.arbitration.JointGroup;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.failure.FailureMonitor;
import studio.tandem.autonomy.language.InstructionChannel;
import studio.tandem.autonomy.safety.SafetyFilter;
import studio.tandem.autonomy.safety.SafetyLimits;
import studio.tandem.autonomy.safety.Workspace;
import studio.tandem.dataset.time.ManualClock;

/** Test twins: a robot that mirrors commands into states, a settable operator and policy. */
final class LoopFixtures {
    static final LoopLayout LAYOUT = new LoopLayout(2, 2, 1);

    private LoopFixtures() {
    }

    /** Mirrors every command into its state and checks that no non-finite value ever arrives. */
    static final class MirrorRobot implements RobotPort {
        final double[] state = new double[LAYOUT.joints()];
        long writes;
        long nonFiniteWrites;
        double tactile;

        @Override
        public void read(Observation into) {
            System.arraycopy(state, 0, into.joints(), 0, state.length);
            into.tactile()[0] = tactile;
        }

        @Override
        public void write(double[] command) {
            writes++;
            for (double v : command) {
                if (!Double.isFinite(v)) {
                    nonFiniteWrites++;
                    return;
                }
            }
            System.arraycopy(command, 0, state, 0, state.length);
        }
    }

    static final class SettableOperator implements OperatorPort {
        final double[] target = new double[LAYOUT.joints()];
        double armMotion;
        double handMotion;
        boolean takeover;
        boolean estop;
        boolean present = true;

        @Override
        public boolean read(OperatorSample into) {
            if (!present) {
                return false;
            }
            System.arraycopy(target, 0, into.target(), 0, target.length);
            into.armMotion = armMotion;
            into.handMotion = handMotion;
            into.takeoverHeld = takeover;
            into.estopPressed = estop;
            return true;
        }
    }

    /** A hand policy whose next action is set by the test. */
    static final class SettablePolicy implements PolicyPort {
        final double[] hand = new double[LAYOUT.handDof()];
        boolean available = true;
        double score = 0;
        String lastInstruction;
        long observations;

        @Override
        public boolean drives(JointGroup group) {
            return group == JointGroup.HAND;
        }

        @Override
        public void observe(long nowNanos, Observation observation, String instruction) {
            lastInstruction = instruction;
            observations++;
        }

        @Override
        public boolean actionAt(long nowNanos, double[] out) {
            if (!available) {
                return false;
            }
            System.arraycopy(hand, 0, out, LAYOUT.armDof(), hand.length);
            return true;
        }

        @Override
        public double failureScore() {
            return score;
        }
    }

    static SafetyFilter safety() {
        return new SafetyFilter(SafetyLimits.uniform(LAYOUT.joints(), -3, 3, 10, 100_000), LAYOUT.armDof(),
                Workspace.UNLIMITED);
    }

    static ControlLoop loop(ManualClock clock, MirrorRobot robot, SettableOperator op, PolicyPort policy,
            FailureMonitor failure, Mode mode) {
        return new ControlLoop(LoopConfig.defaults(LAYOUT), clock, robot, op, policy, safety(), failure,
                new InstructionChannel("pinch the cube"), mode);
    }

    static String events(Tick t) {
        return Arrays.toString(t.events().stream().map(LoopEvent::kind).toArray());
    }
}
