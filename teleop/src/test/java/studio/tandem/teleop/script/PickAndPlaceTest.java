package studio.tandem.teleop.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.joml.Matrix4d;
import org.junit.jupiter.api.Test;
import studio.tandem.dataset.time.ManualClock;
import studio.tandem.teleop.sim.ObjectSpec;
import studio.tandem.teleop.sim.SimConfig;
import studio.tandem.teleop.sim.SimSnapshot;
import studio.tandem.teleop.station.SimulatedStation;

class PickAndPlaceTest {

    @Test
    void theCubeEndsNearThePlaceTargetOnTheTable() throws Exception {
        ManualClock clock = new ManualClock(0);
        try (SimulatedStation sim = SimulatedStation.create(SimConfig.defaults(3), clock, false)) {
            sim.station().connect();
            sim.station().activate();
            SimSnapshot s = sim.engine().newSnapshot();
            ScriptedGraspTest.settle(sim, clock, 0.3);
            sim.engine().read(s);
            double x0 = s.objectPose(0, 0);
            double y0 = s.objectPose(0, 1);
            double z0 = s.objectPose(0, 2);
            Matrix4d grasp = ScriptedGraspTest.graspPose(s, 0, 0.025);
            double placeX = x0;
            double placeY = y0 + 0.15;
            Matrix4d place = new Matrix4d(grasp).setTranslation(placeX, placeY, 0.03);
            Sequence script = Scripts.pickAndPlace(new OperatorIo(sim.arm(), sim.hand()), grasp, place);

            script.start(clock.nanoTime());
            double maxZ = z0;
            for (int tick = 0; !script.isDone() && tick < 2000; tick++) {
                script.step(clock.nanoTime());
                sim.engine().step(ScriptedGraspTest.CONTROL_PERIOD);
                clock.advanceNanos(ScriptedGraspTest.CONTROL_PERIOD);
                sim.engine().read(s);
                maxZ = Math.max(maxZ, s.objectPose(0, 2));
            }
            script.end(!script.isDone());
            assertThat(script.isDone()).as("finished, stuck at " + script.currentName()).isTrue();
            ScriptedGraspTest.settle(sim, clock, 0.5);
            sim.engine().read(s);
            double miss = Math.hypot(s.objectPose(0, 0) - placeX, s.objectPose(0, 1) - placeY);
            System.out.printf("pick and place: lifted %.3f m, ends %.3f m from the target (moved %.3f m)%n",
                    maxZ - z0, miss, Math.hypot(s.objectPose(0, 0) - x0, s.objectPose(0, 1) - y0));
            assertThat(maxZ - z0).as("carried in the air").isGreaterThan(0.08);
            assertThat(miss).as("ends near the place target").isLessThan(0.03);
            assertThat(s.objectPose(0, 2)).as("resting on the table")
                    .isCloseTo(ObjectSpec.defaults().get(0).restingHalfHeight(), within(0.005));
        }
    }
}
