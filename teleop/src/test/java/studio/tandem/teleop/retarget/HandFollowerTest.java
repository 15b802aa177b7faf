package studio.tandem.teleop.retarget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import studio.tandem.dataset.time.ManualClock;
import studio.tandem.teleop.input.HandJoint;
import studio.tandem.teleop.input.HandJointsSample;
import studio.tandem.teleop.input.ProgrammaticDevice;
import studio.tandem.teleop.input.Side;
import studio.tandem.teleop.kinematics.JointLimits;
import studio.tandem.teleop.robot.HandSpec;

class HandFollowerTest {

    @Test
    void followsATrackedHandAndHoldsOnDropout() {
        ManualClock clock = new ManualClock(1);
        ProgrammaticDevice dev = new ProgrammaticDevice("vr", clock, "left", "right");
        dev.connect();
        HandSpec spec = new HandSpec(HandSpec.Kind.MULTI_FINGER,
                List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"),
                JointLimits.uniform(12, -0.5, 1.7, 3), List.of("t1", "t2", "t3", "t4"), new double[12], new double[12]);
        HandFollower f = new HandFollower(dev, Side.RIGHT,
                new HandRetargeter(simHand(), spec.limits(), HandRetargetConfig.simFourFinger()), 100_000_000L);
        double[] q = new double[12];
        assertThat(f.tick(clock.nanoTime(), q)).isEqualTo(HoldReason.NEVER_REPORTED);
        HandJointsSample h = new HandJointsSample();
        h.setHeader(clock.nanoTime(), true);
        for (int j = 0; j < HandJoint.COUNT; j++) {
            // curled fingers: tips towards the palm (-Y) in the wrist frame
            h.setJoint(j, 0, -0.05 * (j % 5) / 4.0, -0.09, 0, 0, 0, 1, 0.01, true);
        }
        h.setJoint(HandJoint.WRIST.ordinal(), 0, 0, 0, 0, 0, 0, 1, 0.02, true);
        dev.publish(Side.RIGHT, h);
        assertThat(f.tick(clock.nanoTime(), q)).isEqualTo(HoldReason.NONE);
        double[] followed = q.clone();
        assertThat(followed).isNotEqualTo(new double[12]);
        clock.advanceNanos(101_000_000L);
        assertThat(f.tick(clock.nanoTime(), q)).isEqualTo(HoldReason.STALE);
        assertThat(q).containsExactly(followed);
        h.setHeader(clock.nanoTime(), false);
        dev.publish(Side.RIGHT, h);
        assertThat(f.tick(clock.nanoTime(), q)).isEqualTo(HoldReason.TRACKING_LOST);
        dev.simulateFault("headset off");
        assertThat(f.tick(clock.nanoTime(), q)).isEqualTo(HoldReason.DEVICE_FAULT);
        assertThat(q).containsExactly(followed);
    }

    /** The simulated four-finger hand's own fingertip kinematics. */
    private static studio.tandem.teleop.robot.HandKinematics simHand() {
        try (studio.tandem.teleop.sim.SimWorld w = new studio.tandem.teleop.sim.SimWorld(
                studio.tandem.teleop.sim.SimConfig.defaults(1))) {
            return w.handKinematics();
        }
    }
}
