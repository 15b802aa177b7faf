package studio.tandem.teleop.script;

import static org.assertj.core.api.Assertions.assertThat;

import org.joml.Matrix4d;
import org.joml.Quaterniond;
import org.junit.jupiter.api.Test;
import studio.tandem.dataset.time.ManualClock;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.sim.SimConfig;
import studio.tandem.teleop.sim.SimSnapshot;
import studio.tandem.teleop.station.SimulatedStation;

class ScriptedGraspTest {
    static final long CONTROL_PERIOD = 10_000_000L;

    /** Runs {@code step} at 100 Hz against manually stepped physics; returns the ticks used. */
    static int run(SimulatedStation sim, ManualClock clock, Step step, double maxSeconds) {
        step.start(clock.nanoTime());
        int ticks = 0;
        while (!step.isDone() && ticks < maxSeconds * 100) {
            step.step(clock.nanoTime());
            sim.engine().step(CONTROL_PERIOD);
            clock.advanceNanos(CONTROL_PERIOD);
            ticks++;
        }
        step.end(!step.isDone());
        return ticks;
    }

    static void settle(SimulatedStation sim, ManualClock clock, double seconds) {
        for (int i = 0; i < seconds * 100; i++) {
            sim.engine().step(CONTROL_PERIOD);
            clock.advanceNanos(CONTROL_PERIOD);
        }
    }

    static Matrix4d graspPose(SimSnapshot s, int object, double z) {
        Quaterniond q = new Quaterniond(s.objectPose(object, 3), s.objectPose(object, 4),
                s.objectPose(object, 5), s.objectPose(object, 6));
        double yaw = Math.atan2(2 * (q.w * q.z + q.x * q.y), 1 - 2 * (q.y * q.y + q.z * q.z));
        return Scripts.topDown(s.objectPose(object, 0), s.objectPose(object, 1), z, yaw);
    }

    private double[] graspAndLift(HandSpec.Kind kind, int object, double graspZ) throws Exception {
        ManualClock clock = new ManualClock(0);
        try (SimulatedStation sim = SimulatedStation.create(SimConfig.defaults(3).withHand(kind), clock, false)) {
            sim.station().connect();
            sim.station().activate();
            SimSnapshot s = sim.engine().newSnapshot();
            settle(sim, clock, 0.3);
            sim.engine().read(s);
            double z0 = s.objectPose(object, 2);
            OperatorIo io = new OperatorIo(sim.arm(), sim.hand());
            Sequence script = Scripts.graspAndLift(io, graspPose(s, object, graspZ), 0.15);
            script.start(clock.nanoTime());
            int ticks = 0;
            double maxTactile = 0;
            while (!script.isDone() && ticks < 3000) {
                script.step(clock.nanoTime());
                sim.engine().step(CONTROL_PERIOD);
                clock.advanceNanos(CONTROL_PERIOD);
                ticks++;
                sim.engine().read(s);
                double sum = 0;
                for (int t = 0; t < sim.hand().spec().fingertips(); t++) {
                    sum += s.tactile(t);
                }
                maxTactile = Math.max(maxTactile, sum);
            }
            script.end(!script.isDone());
            assertThat(script.isDone()).as("script finished, stuck at " + script.currentName()).isTrue();
            sim.engine().read(s);
            double tactileDuring = 0;
            for (int t = 0; t < sim.hand().spec().fingertips(); t++) {
                tactileDuring += s.tactile(t);
            }
            double zLifted = s.objectPose(object, 2);
            settle(sim, clock, 1.0);
            sim.engine().read(s);
            double zHeld = s.objectPose(object, 2);
            System.out.printf("%s grasp of object %d: z0 %.3f lifted %.3f held %.3f tactile %.2f N (max %.2f N),"
                    + " %d ticks%n", kind, object, z0, zLifted, zHeld, tactileDuring, maxTactile, ticks);
            return new double[] {z0, zLifted, zHeld, tactileDuring, maxTactile};
        }
    }

    @Test
    void multiFingerHandLiftsTheCubeAndKeepsIt() throws Exception {
        double[] r = graspAndLift(HandSpec.Kind.MULTI_FINGER, 0, 0.025);
        assertThat(r[1] - r[0]).as("lifted").isGreaterThan(0.10);
        assertThat(r[2] - r[0]).as("still held a second later").isGreaterThan(0.10);
        assertThat(r[3]).as("fingertips feel the cube").isGreaterThan(0.1);
    }

    @Test
    void parallelGripperLiftsTheCylinder() throws Exception {
        double[] r = graspAndLift(HandSpec.Kind.PARALLEL_GRIPPER, 1, 0.065);
        assertThat(r[1] - r[0]).as("lifted").isGreaterThan(0.10);
        assertThat(r[2] - r[0]).as("still held").isGreaterThan(0.10);
        assertThat(r[3]).as("pads feel the cylinder").isGreaterThan(0.5);
    }

    @Test
    void aBrickTooHeavyForTheFingersSlipsOut() throws Exception {
        double[] r = graspAndLift(HandSpec.Kind.MULTI_FINGER, 4, 0.025);
        // 2.5 kg needs more friction than the finger torques can squeeze out: the grasp fails.
        assertThat(r[4]).as("the fingers did squeeze it").isGreaterThan(1.0);
        assertThat(r[2] - r[0]).as("not held").isLessThan(0.05);
    }
}
