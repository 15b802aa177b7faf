package studio.tandem.teleop.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.joml.Matrix4d;
import org.junit.jupiter.api.Test;
import studio.tandem.dataset.time.ManualClock;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.sim.ObjectSpec;
import studio.tandem.teleop.sim.SimConfig;
import studio.tandem.teleop.sim.SimSnapshot;
import studio.tandem.teleop.station.SimulatedStation;

class PushAndDeterminismTest {

    @Test
    void aPushMakesTheCubeSlideAlongTheTable() throws Exception {
        ObjectSpec cube = ObjectSpec.defaults().get(0);
        SimConfig config = SimConfig.defaults(5).withHand(HandSpec.Kind.PARALLEL_GRIPPER).withObjects(List.of(cube));
        ManualClock clock = new ManualClock(0);
        try (SimulatedStation sim = SimulatedStation.create(config, clock, false)) {
            sim.station().connect();
            sim.station().activate();
            SimSnapshot s = sim.engine().newSnapshot();
            ScriptedGraspTest.settle(sim, clock, 0.2);
            sim.engine().read(s);
            double x0 = s.objectPose(0, 0);
            double y0 = s.objectPose(0, 1);
            // Push away from the robot base, along −x.
            Matrix4d start = Scripts.topDown(x0 + 0.09, y0, 0.045, 0);
            Matrix4d end = Scripts.topDown(x0 - 0.05, y0, 0.045, 0);
            OperatorIo io = new OperatorIo(sim.arm(), sim.hand());
            Sequence push = Scripts.push(io, start, end);
            ScriptedGraspTest.run(sim, clock, push, 20);
            assertThat(push.isDone()).as("push finished at " + push.currentName()).isTrue();
            ScriptedGraspTest.settle(sim, clock, 0.5);
            sim.engine().read(s);
            double dx = s.objectPose(0, 0) - x0;
            double dy = s.objectPose(0, 1) - y0;
            System.out.printf("push: cube moved dx %.3f dy %.3f, z %.4f%n", dx, dy, s.objectPose(0, 2));
            assertThat(dx).as("slid along the push").isLessThan(-0.04);
            assertThat(Math.abs(dy)).as("mostly along the push").isLessThan(Math.abs(dx));
            assertThat(s.objectPose(0, 2)).as("still on the table").isCloseTo(cube.restingHalfHeight(), within(0.005));
        }
    }

    private static double[] runGrasp(long seed) throws Exception {
        ManualClock clock = new ManualClock(0);
        try (SimulatedStation sim = SimulatedStation.create(SimConfig.defaults(seed), clock, false)) {
            sim.station().connect();
            sim.station().activate();
            SimSnapshot s = sim.engine().newSnapshot();
            sim.engine().read(s);
            OperatorIo io = new OperatorIo(sim.arm(), sim.hand());
            Step script = Scripts.graspAndLift(io, ScriptedGraspTest.graspPose(s, 0, 0.025), 0.1);
            ScriptedGraspTest.run(sim, clock, script.withTimeout(4_000_000_000L), 4);
            sim.engine().read(s);
            return s.data().clone();
        }
    }

    @Test
    void sameSeedAndCommandsGiveIdenticalStates() throws Exception {
        double[] a = runGrasp(9);
        double[] b = runGrasp(9);
        assertThat(b).containsExactly(a);
        double[] c = runGrasp(10);
        assertThat(c).isNotEqualTo(a);
    }
}
