package studio.tandem.autonomy.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import studio.tandem.autonomy.arbitration.ArbitrationTable;
import studio.tandem.autonomy.arbitration.Authority;
import studio.tandem.autonomy.arbitration.JointGroup;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.failure.FailureMonitor;
import studio.tandem.autonomy.loop.LoopFixtures.MirrorRobot;
import studio.tandem.autonomy.loop.LoopFixtures.SettableOperator;
import studio.tandem.autonomy.loop.LoopFixtures.SettablePolicy;
import studio.tandem.dataset.time.ManualClock;

/** The runtime arbitration hook: a table and mode swapped in between ticks of a running loop. */
class ControlLoopArbitrationTest {
    private static final long PERIOD = 5_000_000L;
    private final ManualClock clock = new ManualClock(1_000_000_000L);
    private final MirrorRobot robot = new MirrorRobot();
    private final SettableOperator op = new SettableOperator();
    private final SettablePolicy policy = new SettablePolicy();

    private Tick step(ControlLoop loop) {
        loop.tick();
        clock.advanceNanos(PERIOD);
        return loop.ticks().latest();
    }

    @Test
    void aSwappedTableBlendsTheHandAtTheNextTickWithoutARebuild() {
        ControlLoop loop = LoopFixtures.loop(clock, robot, op, policy, FailureMonitor.disabled(), Mode.TELEOP);
        op.target[2] = 0.04;
        policy.hand[0] = 0.0;
        assertThat(step(loop).handAuthority()).isEqualTo(Authority.OPERATOR);
        ArbitrationTable blend = ArbitrationTable.standard().with(Mode.SHARED, JointGroup.HAND, Authority.BLEND)
                .withBlendWeight(0.25);
        loop.requestArbitration(blend, Mode.SHARED);
        assertThat(loop.arbitration()).as("not before the next tick").isNotSameAs(blend);
        Tick t = step(loop);
        assertThat(loop.arbitration()).isSameAs(blend);
        assertThat(t.mode()).isEqualTo(Mode.SHARED);
        assertThat(t.handAuthority()).isEqualTo(Authority.BLEND);
        assertThat(t.armAuthority()).isEqualTo(Authority.OPERATOR);
        assertThat(t.events()).extracting(LoopEvent::kind).contains("mode_change", "authority_change");
        assertThat(robot.state[2]).as("0.75 operator + 0.25 policy").isEqualTo(0.03, offset(1e-9));
    }

    @Test
    void handMotionUnderABlendIsATakeoverAndTeleopStaysOperatorOnly() {
        ControlLoop loop = LoopFixtures.loop(clock, robot, op, policy, FailureMonitor.disabled(), Mode.SHARED);
        loop.requestArbitration(ArbitrationTable.standard().with(Mode.SHARED, JointGroup.HAND, Authority.BLEND),
                Mode.SHARED);
        step(loop);
        op.handMotion = 1;
        Tick t = step(loop);
        assertThat(t.intervention()).isTrue();
        assertThat(t.handAuthority()).isEqualTo(Authority.OPERATOR);
        loop.requestArbitration(ArbitrationTable.standard(), Mode.TELEOP);
        t = step(loop);
        assertThat(t.intervention()).as("a mode change ends the intervention").isFalse();
        assertThat(t.handAuthority()).isEqualTo(Authority.OPERATOR);
        assertThatThrownBy(() -> ArbitrationTable.standard().with(Mode.TELEOP, JointGroup.ARM, Authority.POLICY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ticksAfterASwapAllocateNothing() {
        ControlLoop loop = LoopFixtures.loop(clock, robot, op, policy, FailureMonitor.disabled(), Mode.SHARED);
        loop.requestArbitration(ArbitrationTable.standard().with(Mode.SHARED, JointGroup.HAND, Authority.BLEND)
                .withBlendWeight(0.5), Mode.SHARED);
        for (int i = 0; i < 20_000; i++) {
            op.target[2] = Math.sin(i * 1e-3);
            step(loop);
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            op.target[2] = Math.sin(i * 1e-3);
            loop.tick();
            clock.advanceNanos(PERIOD);
        }
        assertThat(mx.getCurrentThreadAllocatedBytes() - before).as("bytes allocated by 10,000 ticks")
                .isLessThan(1024);
        assertThat(loop.ticks().latest().handAuthority()).isEqualTo(Authority.BLEND);
    }

    @Test
    void thePauseSwitchChangesWhileTheLoopRuns() {
        FailureMonitor monitor = new FailureMonitor(0.5, 1, false);
        ControlLoop loop = LoopFixtures.loop(clock, robot, op, policy, monitor, Mode.SHARED);
        policy.score = 0.9;
        Tick t = step(loop);
        assertThat(t.events()).extracting(LoopEvent::kind).contains("failure_alert");
        assertThat(monitor.paused()).as("switch off: alert only").isFalse();
        assertThat(step(loop).handAuthority()).isEqualTo(Authority.POLICY);
        policy.score = 0;
        step(loop);
        monitor.pausesOnFailure(true);
        policy.score = 0.9;
        t = step(loop);
        assertThat(t.events()).anyMatch(e -> e instanceof LoopEvent.FailureAlert f && f.paused());
        assertThat(monitor.paused()).isTrue();
        assertThat(step(loop).handAuthority()).isEqualTo(Authority.OPERATOR);
        monitor.pausesOnFailure(false);
        assertThat(step(loop).handAuthority()).as("turning the switch off does not resume").isEqualTo(Authority.OPERATOR);
        policy.score = 0;
        loop.resumePolicy();
        assertThat(step(loop).handAuthority()).isEqualTo(Authority.POLICY);
    }
}
