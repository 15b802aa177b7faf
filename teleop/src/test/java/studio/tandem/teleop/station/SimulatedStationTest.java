package studio.tandem.teleop.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.time.ManualClock;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceState;
import studio.tandem.teleop.robot.ArmCommand;
import studio.tandem.teleop.robot.ArmState;
import studio.tandem.teleop.robot.HandCommand;
import studio.tandem.teleop.robot.HandState;
import studio.tandem.teleop.sim.SimConfig;

class SimulatedStationTest {

    @Test
    void featuresAreDeclaredOnceAndMergedWhileDisconnected() {
        try (SimulatedStation sim = SimulatedStation.create(SimConfig.defaults(1), new ManualClock(0), false)) {
            Station st = sim.station();
            assertThat(st.arm().state()).isEqualTo(DeviceState.DISCONNECTED);
            assertThat(st.observationFeatures().contains("observation.arm.joint_pos")).isTrue();
            assertThat(st.observationFeatures().contains("observation.arm.tcp_pose")).isTrue();
            assertThat(st.observationFeatures().get("observation.hand.joint_pos").orElseThrow().elementCount())
                    .isEqualTo(12);
            VectorFeature tactile = (VectorFeature) st.observationFeatures().get("observation.hand.tactile")
                    .orElseThrow();
            assertThat(tactile.names()).containsExactly("index_tip.force", "middle_tip.force", "ring_tip.force",
                    "thumb_tip.force");
            assertThat(st.actionFeatures().all()).extracting(f -> f.name())
                    .containsExactly("action.arm.joint_pos", "action.hand.joint_pos");
        }
    }

    @Test
    void commandsAreRejectedUntilActiveAndTheAppliedCommandIsClipped() throws Exception {
        ManualClock clock = new ManualClock(1_000);
        try (SimulatedStation sim = SimulatedStation.create(SimConfig.defaults(1), clock, false)) {
            sim.station().connect();
            ArmCommand cmd = new ArmCommand(6);
            ArmCommand applied = new ArmCommand(6);
            cmd.setJoint(new double[] {0, -1.5, 1.5, -1.5, -1.5, 0}, 5);
            assertThatThrownBy(() -> sim.arm().send(cmd, applied)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("arm");
            sim.station().activate();
            cmd.setJoint(new double[] {0, -1.5, 1.5, -1.5, -1.5, 9.0}, 5);
            sim.arm().send(cmd, applied);
            assertThat(applied.positions()[5]).isEqualTo(2 * Math.PI);
            assertThat(applied.stampNanos()).isEqualTo(5);

            cmd.setJoint(new double[] {Double.NaN, 0, 0, 0, 0, 0}, 6);
            sim.arm().send(cmd, applied);
            assertThat(sim.arm().rejectedCount()).isEqualTo(1);
            assertThat(applied.positions()[5]).as("held the previous command").isEqualTo(2 * Math.PI);

            HandCommand hc = new HandCommand(12);
            HandCommand ha = new HandCommand(12);
            hc.setClosure(sim.hand().spec(), 1, 7);
            hc.positions()[0] = 5;
            sim.hand().send(hc, ha);
            assertThat(ha.positions()[0]).isEqualTo(1.6);
        }
    }

    @Test
    void stateIsStampedWithTheInjectedClockAndFollowsJointCommands() throws Exception {
        ManualClock clock = new ManualClock(0);
        try (SimulatedStation sim = SimulatedStation.create(SimConfig.defaults(1), clock, false)) {
            sim.station().connect();
            sim.station().activate();
            ArmCommand cmd = new ArmCommand(6);
            double[] target = {0.3, -1.4, 1.3, -1.5, -1.6, 0.2};
            sim.arm().send(cmd.setJoint(target, 0), new ArmCommand(6));
            for (int i = 0; i < 200; i++) {
                clock.advanceNanos(10_000_000);
                sim.engine().step(10_000_000);
            }
            ArmState s = new ArmState(6);
            sim.arm().read(s);
            assertThat(s.stampNanos()).isEqualTo(2_000_000_000L);
            for (int i = 0; i < 6; i++) {
                assertThat(s.positions()[i]).isCloseTo(target[i], org.assertj.core.api.Assertions.within(1e-6));
            }
            HandState h = new HandState(12, 4);
            sim.hand().read(h);
            assertThat(h.tactile()).containsOnly(0.0);
        }
    }

    @Test
    void physicsThreadRunsAtItsOwnRateAndReportsIt() throws Exception {
        try (SimulatedStation sim = SimulatedStation.create(SimConfig.defaults(2), NanoClock.SYSTEM, true)) {
            sim.station().connect();
            ArmState s = new ArmState(6);
            long firstStep = -1;
            long deadline = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                sim.arm().read(s);
                if (firstStep < 0) {
                    firstStep = s.sequence();
                }
                Thread.sleep(50);
            }
            sim.arm().read(s);
            double hz = sim.engine().measuredRateHz();
            System.out.printf("physics thread: %.0f Hz measured (target %d), %d late steps%n", hz,
                    sim.engine().world().config().physicsHz(), sim.engine().lateSteps());
            assertThat(s.sequence()).as("physics advanced on its own").isGreaterThan(firstStep);
            assertThat(sim.engine().fault()).isEmpty();
            assertThatThrownBy(() -> sim.engine().step(1_000_000)).isInstanceOf(IllegalStateException.class);
        }
    }
}
