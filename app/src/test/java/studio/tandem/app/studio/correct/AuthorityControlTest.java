package studio.tandem.app.studio.correct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.tandem.autonomy.arbitration.Authority;
import studio.tandem.autonomy.arbitration.JointGroup;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.failure.FailureMonitor;
import studio.tandem.autonomy.language.InstructionChannel;
import studio.tandem.autonomy.loop.ControlLoop;
import studio.tandem.autonomy.loop.LoopConfig;
import studio.tandem.autonomy.loop.LoopLayout;
import studio.tandem.autonomy.loop.Observation;
import studio.tandem.autonomy.loop.OperatorPort;
import studio.tandem.autonomy.loop.OperatorSample;
import studio.tandem.autonomy.loop.PolicyPort;
import studio.tandem.autonomy.loop.RobotPort;
import studio.tandem.autonomy.loop.Tick;
import studio.tandem.autonomy.safety.SafetyFilter;
import studio.tandem.autonomy.safety.SafetyLimits;
import studio.tandem.autonomy.safety.Workspace;
import studio.tandem.dataset.time.ManualClock;

/**
 * Correct's authority selection on a real control loop (the station's twins: a robot that mirrors
 * commands, a fixed operator and policy): per-group operator / policy / blend reaches the loop's
 * ticks at the next tick, presets set both groups, groups a policy does not drive stay with the
 * operator with the reason, and each change is noted.
 */
class AuthorityControlTest {
    private static final LoopLayout LAYOUT = new LoopLayout(1, 1, 1);
    private final ManualClock clock = new ManualClock(1_000_000_000L);
    private final List<String> notes = new ArrayList<>();

    @Test
    void armPolicyAndHandBlendReachTheLoopAtTheNextTick() {
        AuthorityControl a = new AuthorityControl();
        FixedPolicy policy = new FixedPolicy(true, true);
        ControlLoop loop = loop(policy);
        a.policyLoaded(policy);
        assertThat(a.presetProperty().get()).as("a policy with a hand starts shared").isEqualTo(Mode.SHARED);
        assertThat(a.armReasonProperty().get()).isEmpty();
        a.set(JointGroup.ARM, Authority.POLICY);
        a.set(JointGroup.HAND, Authority.BLEND);
        a.blendWeight(0.25);
        assertThat(a.presetProperty().get()).isEqualTo(Mode.AUTONOMOUS);
        a.apply(loop, true, notes::add);
        Tick t = tick(loop);
        assertThat(t.mode()).isEqualTo(Mode.AUTONOMOUS);
        assertThat(t.armAuthority()).isEqualTo(Authority.POLICY);
        assertThat(t.handAuthority()).isEqualTo(Authority.BLEND);
        assertThat(t.executed()[0]).as("arm: the policy's 0.02").isEqualTo(0.02, offset(1e-12));
        assertThat(t.executed()[1]).as("hand: 0.25 × 0.04 + 0.75 × 0.0").isEqualTo(0.01, offset(1e-12));
        assertThat(notes).containsExactly("authority: arm policy · hand blend 25 % policy · autonomous");

        a.apply(loop, false, notes::add);
        t = tick(loop);
        assertThat(t.mode()).isEqualTo(Mode.TELEOP);
        assertThat(t.armAuthority()).isEqualTo(Authority.OPERATOR);
        assertThat(notes).last().isEqualTo("authority: policy paused, operator has arm and hand");
    }

    @Test
    void presetsSetBothGroupsAndAHandOnlyPolicyLeavesTheArmToTheOperator() {
        AuthorityControl a = new AuthorityControl();
        FixedPolicy handOnly = new FixedPolicy(false, true);
        a.policyLoaded(handOnly);
        assertThat(a.armDrivenProperty().get()).isFalse();
        assertThat(a.armReasonProperty().get()).isEqualTo("this policy drives the hand only");
        int revision = a.revisionProperty().get();
        a.preset(Mode.AUTONOMOUS);
        assertThat(a.armProperty().get()).isEqualTo(Authority.OPERATOR);
        assertThat(a.handProperty().get()).isEqualTo(Authority.POLICY);
        assertThat(a.revisionProperty().get()).as("one change, applied once").isEqualTo(revision + 1);
        a.set(JointGroup.HAND, Authority.POLICY);
        assertThat(a.presetProperty().get()).as("an unchanged group keeps the preset").isEqualTo(Mode.AUTONOMOUS);
        assertThat(a.revisionProperty().get()).isEqualTo(revision + 1);
        a.set(JointGroup.ARM, Authority.POLICY);
        assertThat(a.armProperty().get()).as("not a group this policy drives").isEqualTo(Authority.OPERATOR);
        a.preset(Mode.TELEOP);
        assertThat(a.handProperty().get()).isEqualTo(Authority.OPERATOR);
        ControlLoop loop = loop(handOnly);
        a.apply(loop, true, notes::add);
        assertThat(tick(loop).mode()).isEqualTo(Mode.TELEOP);
        a.policyLoaded(null);
        assertThat(a.handReasonProperty().get()).isEqualTo("no policy loaded");
        assertThat(a.stale(loop)).isFalse();
        assertThat(a.stale(loop(handOnly))).as("a rebuilt loop gets the selection again").isTrue();
    }

    @Test
    void thePauseSwitchReachesTheLoopsFailureMonitor() {
        AuthorityControl a = new AuthorityControl();
        FixedPolicy policy = new FixedPolicy(false, true);
        policy.score = 0.9;
        ControlLoop loop = loop(policy);
        a.policyLoaded(policy);
        assertThat(a.pauseOnFailureProperty().get()).as("on by default").isTrue();
        a.apply(loop, true, notes::add);
        tick(loop);
        assertThat(loop.failureMonitor().paused()).isTrue();
        assertThat(tick(loop).handAuthority()).isEqualTo(Authority.OPERATOR);
    }

    private ControlLoop loop(PolicyPort policy) {
        SafetyFilter safety = new SafetyFilter(SafetyLimits.uniform(LAYOUT.joints(), -3, 3, 100, 1e6), LAYOUT.armDof(),
                Workspace.UNLIMITED);
        return new ControlLoop(LoopConfig.defaults(LAYOUT), clock, new Mirror(), new Still(), policy, safety,
                new FailureMonitor(0.5, 1, false), new InstructionChannel("pick up the red cube"), Mode.SHARED);
    }

    private Tick tick(ControlLoop loop) {
        loop.tick();
        clock.advanceNanos(10_000_000L);
        return loop.ticks().latest();
    }

    private static final class Mirror implements RobotPort {
        private final double[] state = new double[LAYOUT.joints()];

        @Override
        public void read(Observation into) {
            System.arraycopy(state, 0, into.joints(), 0, state.length);
        }

        @Override
        public void write(double[] command) {
            System.arraycopy(command, 0, state, 0, state.length);
        }
    }

    /** An operator holding every joint at 0. */
    private static final class Still implements OperatorPort {
        @Override
        public boolean read(OperatorSample into) {
            java.util.Arrays.fill(into.target(), 0);
            return true;
        }
    }

    /** A policy asking 0.02 for the arm and 0.04 for the hand, driving the groups it is built with. */
    private static final class FixedPolicy implements PolicyPort {
        private final boolean arm;
        private final boolean hand;
        double score = 0.1;

        FixedPolicy(boolean arm, boolean hand) {
            this.arm = arm;
            this.hand = hand;
        }

        @Override
        public boolean drives(JointGroup g) {
            return g == JointGroup.ARM ? arm : hand;
        }

        @Override
        public void observe(long nowNanos, Observation observation, String instruction) {
        }

        @Override
        public boolean actionAt(long nowNanos, double[] out) {
            if (arm) {
                out[0] = 0.02;
            }
            if (hand) {
                out[1] = 0.04;
            }
            return true;
        }

        @Override
        public double failureScore() {
            return score;
        }
    }
}
