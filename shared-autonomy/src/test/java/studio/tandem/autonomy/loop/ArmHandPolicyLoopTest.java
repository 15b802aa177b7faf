package studio.tandem.autonomy.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.tandem.autonomy.arbitration.Authority;
import studio.tandem.autonomy.arbitration.JointGroup;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.failure.FailureMonitor;
import studio.tandem.autonomy.loop.LoopFixtures.MirrorRobot;
import studio.tandem.autonomy.loop.LoopFixtures.SettableOperator;
import studio.tandem.autonomy.policy.ChunkQueue;
import studio.tandem.autonomy.policy.ChunkScheduler;
import studio.tandem.autonomy.policy.ObservationSlot;
import studio.tandem.autonomy.policy.PolicyController;
import studio.tandem.autonomy.policy.PolicyWorker;
import studio.tandem.autonomy.safety.SafetyFlags;
import studio.tandem.dataset.time.ManualClock;

/**
 * An arm+hand policy (the real controller, scheduler and worker, with a predictor whose targets the test
 * sets) in the loop: the arbitration table decides per group and mode, interventions take both groups
 * with the grace period, and its arm actions pass the safety filter.
 */
class ArmHandPolicyLoopTest {
    private static final long PERIOD = 5_000_000L; // 200 Hz
    private static final int HORIZON = 5;
    private final ManualClock clock = new ManualClock(1_000_000_000L);
    private final MirrorRobot robot = new MirrorRobot();
    private final SettableOperator op = new SettableOperator();
    /** What the policy proposes for arm joints 0, 1 and hand joints 0, 1 (rad). */
    private final double[] targets = {0.2, -0.2, 0.3, 0.4};
    private final int joints = LoopFixtures.LAYOUT.joints();
    private final ObservationSlot slot = new ObservationSlot(joints, 1);
    private final ChunkQueue queue = new ChunkQueue(4, HORIZON * joints);
    private final PolicyController controller = new PolicyController(EnumSet.of(JointGroup.ARM, JointGroup.HAND), 0,
            slot, queue, new ChunkScheduler(HORIZON, joints, 50, 8, 0.01, new double[] {1, 1, 1, 1}), false);
    private final PolicyWorker worker = new PolicyWorker((obs, chunk) -> {
        for (int i = 0; i < HORIZON; i++) {
            System.arraycopy(targets, 0, chunk, i * joints, joints);
        }
        return Double.NaN;
    }, slot, queue, clock, 200, HORIZON * joints);
    private final List<LoopEvent> events = new ArrayList<>();

    private ControlLoop loop(Mode mode) {
        return LoopFixtures.loop(clock, robot, op, controller, FailureMonitor.disabled(), mode);
    }

    private Tick steps(ControlLoop loop, int n) {
        Tick t = null;
        for (int i = 0; i < n; i++) {
            loop.tick();
            worker.step();
            clock.advanceNanos(PERIOD);
            t = loop.ticks().latest();
            events.addAll(t.events());
        }
        return t;
    }

    @Test
    void autonomousGivesTheArmAndTheHandToThePolicy() {
        Tick t = steps(loop(Mode.AUTONOMOUS), 20);
        assertThat(t.armAuthority()).isEqualTo(Authority.POLICY);
        assertThat(t.handAuthority()).isEqualTo(Authority.POLICY);
        assertThat(t.executed()).containsExactly(targets, offset(1e-12));
        assertThat(robot.state).as("the arm moved where the policy said").containsExactly(targets, offset(1e-12));
        assertThat(t.intervention()).isFalse();
    }

    @Test
    void sharedExecutesTheOperatorsArmAndRecordsThePolicysArmAsItsProposal() {
        op.target[0] = 0.05;
        op.target[1] = 0.06;
        op.armMotion = 1.0; // the operator drives the arm: that is not a takeover in shared mode
        Tick t = steps(loop(Mode.SHARED), 20);
        assertThat(t.armAuthority()).isEqualTo(Authority.OPERATOR);
        assertThat(t.handAuthority()).isEqualTo(Authority.POLICY);
        assertThat(t.executed()).containsExactly(new double[] {0.05, 0.06, 0.3, 0.4}, offset(1e-12));
        assertThat(t.policyProposal()).as("the arm proposal is kept, not executed")
                .containsExactly(targets, offset(1e-12));
        assertThat(t.intervention()).isFalse();
        t = steps(loop(Mode.TELEOP), 20);
        assertThat(t.handAuthority()).isEqualTo(Authority.OPERATOR);
    }

    @Test
    void anInterventionTakesBothGroupsUntilTheGracePeriodEnds() {
        ControlLoop loop = loop(Mode.AUTONOMOUS);
        steps(loop, 20);
        op.armMotion = 1.0; // above the 0.05 rad/s threshold, on a group the policy owns
        op.target[0] = 0.1;
        op.target[2] = 0.7;
        Tick t = steps(loop, 1);
        assertThat(t.intervention()).isTrue();
        assertThat(t.armAuthority()).isEqualTo(Authority.OPERATOR);
        assertThat(t.handAuthority()).isEqualTo(Authority.OPERATOR);
        assertThat(t.events()).extracting(LoopEvent::kind).contains("intervention_start");
        op.armMotion = 0; // released: 0.5 s grace = 100 ticks at 200 Hz
        t = steps(loop, 99);
        assertThat(t.intervention()).isTrue();
        assertThat(t.executed()[0]).isEqualTo(0.1);
        assertThat(t.executed()[2]).isEqualTo(0.7);
        t = steps(loop, 1);
        assertThat(t.intervention()).isFalse();
        assertThat(t.armAuthority()).isEqualTo(Authority.POLICY);
        assertThat(t.handAuthority()).isEqualTo(Authority.POLICY);
        assertThat(t.events()).extracting(LoopEvent::kind).contains("intervention_end");
        assertThat(events).filteredOn(e -> e instanceof LoopEvent.InterventionStarted).hasSize(1);
        assertThat(loop.interventions()).isEqualTo(1);
    }

    @Test
    void theArmActionsPassTheSafetyFilterAndNaNNeverReachesTheStation() {
        ControlLoop loop = loop(Mode.AUTONOMOUS);
        targets[0] = 5; // beyond the ±3 rad joint limit
        Tick t = steps(loop, 100);
        assertThat(t.executed()[0]).isEqualTo(3, offset(1e-9));
        assertThat(robot.state[0]).isEqualTo(3, offset(1e-9));
        targets[0] = 1;
        steps(loop, 60);
        assertThat(robot.state[0]).as("10 rad/s velocity limit: 0.05 rad per tick").isEqualTo(1, offset(1e-9));
        targets[1] = Double.NaN;
        t = steps(loop, 10);
        assertThat(robot.nonFiniteWrites).isZero();
        assertThat(t.safetyFlags() & SafetyFlags.NON_FINITE_HOLD).isNotZero();
        assertThat(robot.state[1]).as("held").isEqualTo(-0.2, offset(1e-9));
        assertThat(events).extracting(LoopEvent::kind).contains("safety_alert");
    }
}
