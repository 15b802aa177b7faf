package studio.tandem.autonomy.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.tandem.autonomy.arbitration.Authority;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.failure.FailureMonitor;
import studio.tandem.autonomy.loop.LoopFixtures.MirrorRobot;
import studio.tandem.autonomy.loop.LoopFixtures.SettableOperator;
import studio.tandem.autonomy.loop.LoopFixtures.SettablePolicy;
import studio.tandem.autonomy.safety.SafetyFlags;
import studio.tandem.dataset.time.ManualClock;

class ControlLoopTest {
    private static final long PERIOD = 5_000_000L; // 200 Hz
    private final ManualClock clock = new ManualClock(1_000_000_000L);
    private final MirrorRobot robot = new MirrorRobot();
    private final SettableOperator op = new SettableOperator();
    private final SettablePolicy policy = new SettablePolicy();

    private Tick step(ControlLoop loop) {
        loop.tick();
        clock.advanceNanos(PERIOD);
        return loop.ticks().latest();
    }

    private Tick steps(ControlLoop loop, int n, List<LoopEvent> events) {
        Tick t = null;
        for (int i = 0; i < n; i++) {
            t = step(loop);
            events.addAll(t.events());
        }
        return t;
    }

    @Test
    void sharedModeGivesTheArmToTheOperatorAndTheHandToThePolicy() {
        ControlLoop loop = LoopFixtures.loop(clock, robot, op, policy, FailureMonitor.disabled(), Mode.SHARED);
        op.target[0] = 0.01;
        op.target[1] = -0.01;
        op.target[2] = 0.5;
        policy.hand[0] = 0.02;
        policy.hand[1] = 0.03;
        Tick t = step(loop);
        assertThat(t.armAuthority()).isEqualTo(Authority.OPERATOR);
        assertThat(t.handAuthority()).isEqualTo(Authority.POLICY);
        assertThat(t.executed()).containsExactly(0.01, -0.01, 0.02, 0.03);
        assertThat(robot.state).containsExactly(0.01, -0.01, 0.02, 0.03);
        assertThat(t.policyProposal()[0]).isNaN();
        assertThat(t.policyProposal()[2]).isEqualTo(0.02);
        assertThat(t.operatorCommand()[2]).isEqualTo(0.5);
        assertThat(t.intervention()).isFalse();
        assertThat(t.events()).extracting(LoopEvent::kind).containsExactly("authority_change");
    }

    @Test
    void handMotionIsAnInterventionWithStartAndEndEventsAndAGracePeriod() {
        ControlLoop loop = LoopFixtures.loop(clock, robot, op, policy, FailureMonitor.disabled(), Mode.SHARED);
        List<LoopEvent> events = new ArrayList<>();
        steps(loop, 3, events);
        op.handMotion = 1.0; // above the 0.05 rad/s default threshold
        op.target[2] = 0.04;
        Tick t = steps(loop, 1, events);
        assertThat(t.intervention()).isTrue();
        assertThat(t.handAuthority()).isEqualTo(Authority.OPERATOR);
        assertThat(t.executed()[2]).isEqualTo(0.04);
        assertThat(t.events()).extracting(LoopEvent::kind).contains("intervention_start", "authority_change");
        op.handMotion = 0; // released: the operator keeps the hand for the 0.5 s grace period
        t = steps(loop, 99, events);
        assertThat(t.intervention()).isTrue();
        assertThat(t.handAuthority()).isEqualTo(Authority.OPERATOR);
        t = steps(loop, 1, events);
        assertThat(t.intervention()).isFalse();
        assertThat(t.handAuthority()).isEqualTo(Authority.POLICY);
        assertThat(t.events()).extracting(LoopEvent::kind).contains("intervention_end", "authority_change");
        assertThat(events).filteredOn(e -> e instanceof LoopEvent.InterventionStarted).hasSize(1);
        assertThat(loop.interventions()).isEqualTo(1);
    }

    @Test
    void armMotionInSharedModeIsNotAnInterventionButTheTakeoverButtonIs() {
        ControlLoop loop = LoopFixtures.loop(clock, robot, op, policy, FailureMonitor.disabled(), Mode.SHARED);
        op.armMotion = 5;
        assertThat(step(loop).intervention()).isFalse();
        op.takeover = true;
        Tick t = step(loop);
        assertThat(t.intervention()).isTrue();
        assertThat(t.events()).extracting(LoopEvent::kind).contains("intervention_start");
    }

    @Test
    void inAutonomousModeArmMotionIsNoTakeoverWhenThePolicyDrivesOnlyTheHand() {
        ControlLoop loop = LoopFixtures.loop(clock, robot, op, policy, FailureMonitor.disabled(), Mode.AUTONOMOUS);
        op.armMotion = 5;
        op.target[0] = 0.02;
        Tick t = step(loop);
        assertThat(t.intervention()).isFalse();
        assertThat(t.armAuthority()).as("no arm policy: the operator drives it").isEqualTo(Authority.OPERATOR);
        assertThat(t.handAuthority()).isEqualTo(Authority.POLICY);
        op.handMotion = 5;
        t = step(loop);
        assertThat(t.intervention()).isTrue();
        assertThat(t.handAuthority()).isEqualTo(Authority.OPERATOR);
    }

    @Test
    void teleopHasNoInterventions() {
        ControlLoop loop = LoopFixtures.loop(clock, robot, op, policy, FailureMonitor.disabled(), Mode.TELEOP);
        op.handMotion = 5;
        op.takeover = true;
        Tick t = step(loop);
        assertThat(t.intervention()).isFalse();
        assertThat(t.handAuthority()).isEqualTo(Authority.OPERATOR);
    }

    @Test
    void aPolicyThatOutputsNanNeverReachesTheStation() {
        ControlLoop loop = LoopFixtures.loop(clock, robot, op, policy, FailureMonitor.disabled(), Mode.SHARED);
        policy.hand[0] = 0.1;
        step(loop);
        double[] before = robot.state.clone();
        policy.hand[0] = Double.NaN;
        policy.hand[1] = Double.POSITIVE_INFINITY;
        List<LoopEvent> events = new ArrayList<>();
        Tick t = steps(loop, 20, events);
        assertThat(robot.nonFiniteWrites).isZero();
        assertThat(robot.writes).isEqualTo(21);
        assertThat(robot.state).containsExactly(before);
        assertThat(t.safetyFlags() & SafetyFlags.NON_FINITE_HOLD).isNotZero();
        assertThat(t.policyProposal()[2]).isNaN();
        assertThat(events).filteredOn(e -> e instanceof LoopEvent.SafetyAlert).hasSize(1);
        assertThat(loop.safety().nonFiniteCount()).isEqualTo(20);
    }

    @Test
    void aLanguageCorrectionReplacesTheInstructionFromThatTickOn() {
        ControlLoop loop = LoopFixtures.loop(clock, robot, op, policy, FailureMonitor.disabled(), Mode.SHARED);
        assertThat(step(loop).instruction()).isEqualTo("pinch the cube");
        loop.instruction().correct("  use a power grasp ");
        Tick t = step(loop);
        assertThat(t.instruction()).isEqualTo("use a power grasp");
        assertThat(t.events()).singleElement().isInstanceOfSatisfying(LoopEvent.InstructionCorrected.class,
                e -> {
                    assertThat(e.text()).isEqualTo("use a power grasp");
                    assertThat(e.tick()).isEqualTo(t.sequence());
                });
        assertThat(policy.lastInstruction).isEqualTo("use a power grasp");
        assertThat(step(loop).events()).isEmpty();
    }

    @Test
    void aFailureAlertPausesThePolicyUntilTheOperatorResumesIt() {
        FailureMonitor monitor = new FailureMonitor(0.5, 2, true);
        ControlLoop loop = LoopFixtures.loop(clock, robot, op, policy, monitor, Mode.SHARED);
        step(loop);
        policy.score = 0.9;
        assertThat(step(loop).handAuthority()).isEqualTo(Authority.POLICY);
        Tick t = step(loop);
        assertThat(t.events()).extracting(LoopEvent::kind).contains("failure_alert");
        assertThat(monitor.paused()).isTrue();
        t = step(loop);
        assertThat(t.handAuthority()).isEqualTo(Authority.OPERATOR);
        policy.score = 0;
        loop.resumePolicy();
        t = step(loop);
        assertThat(t.events()).extracting(LoopEvent::kind).contains("policy_resumed");
        assertThat(t.handAuthority()).isEqualTo(Authority.POLICY);
    }

    @Test
    void modeSwitchesAndEStopAreEventsAndTheEStopStaysLatched() {
        ControlLoop loop = LoopFixtures.loop(clock, robot, op, policy, FailureMonitor.disabled(), Mode.SHARED);
        step(loop);
        loop.requestMode(Mode.TELEOP);
        Tick t = step(loop);
        assertThat(t.mode()).isEqualTo(Mode.TELEOP);
        assertThat(t.events()).extracting(LoopEvent::kind).contains("mode_change");
        op.estop = true;
        op.target[0] = 1.0;
        t = step(loop);
        assertThat(t.safetyFlags() & SafetyFlags.ESTOP_HOLD).isNotZero();
        op.estop = false;
        for (int i = 0; i < 10; i++) {
            t = step(loop);
        }
        assertThat(t.safetyFlags() & SafetyFlags.ESTOP_HOLD).isNotZero();
        assertThat(robot.state[0]).isEqualTo(0.0);
        loop.resetEStop();
        t = step(loop);
        assertThat(t.safetyFlags() & SafetyFlags.ESTOP_HOLD).isZero();
        assertThat(t.safetyFlags() & SafetyFlags.VELOCITY_LIMITED).isNotZero();
        assertThat(robot.state[0]).isEqualTo(0.05, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void theHotPathAllocatesNothing() {
        ControlLoop loop = LoopFixtures.loop(clock, robot, op, policy, FailureMonitor.disabled(), Mode.SHARED);
        TickData scratch = new TickData(LoopFixtures.LAYOUT);
        TickRing.Cursor cursor = new TickRing.Cursor(0);
        long[] sum = new long[1];
        TickRing.Consumer consumer = t -> sum[0] += t.sequence();
        for (int i = 0; i < 20_000; i++) { // warm up the JIT
            op.target[0] = Math.sin(i * 1e-3);
            step(loop);
            loop.ticks().drain(cursor, scratch, consumer);
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            op.target[0] = Math.sin(i * 1e-3);
            loop.tick();
            clock.advanceNanos(PERIOD);
            loop.ticks().drain(cursor, scratch, consumer);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated by 10,000 ticks").isLessThan(1024);
        assertThat(cursor.lost()).isZero();
        assertThat(cursor.next()).isEqualTo(30_000);
    }

    @Test
    void periodErrorIsMeasured() {
        ControlLoop loop = LoopFixtures.loop(clock, robot, op, policy, FailureMonitor.disabled(), Mode.SHARED);
        for (int i = 0; i < 1000; i++) {
            loop.tick();
            clock.advanceNanos(i % 100 == 99 ? PERIOD + 2_000_000 : PERIOD + 100_000);
        }
        PeriodStats s = loop.periodStats();
        assertThat(s.count()).isEqualTo(999);
        assertThat(s.percentileMillis(0.5)).isEqualTo(0.101, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.percentileMillis(0.999)).isEqualTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.maxMillis()).isEqualTo(2.0);
    }
}
