package studio.tandem.teleop.retarget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.joml.Quaterniond;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

import studio.tandem.teleop.input.HandJoint;
import studio.tandem.teleop.input.HandJointsSample;
import studio.tandem.teleop.sim.SimConfig;
import studio.tandem.teleop.sim.SimWorld;
import studio.tandem.teleop.robot.HandKinematics;
import studio.tandem.teleop.robot.HandSpec;

class HandRetargeterTest {
    private static final HandSpec SPEC;
    private static final HandKinematics KINEMATICS;
    private final HandKinematics hand = KINEMATICS;
    private final HandRetargetConfig cfg = HandRetargetConfig.simFourFinger();

    static {
        try (SimWorld w = new SimWorld(SimConfig.defaults(1))) {
            SPEC = w.handSpec();
            KINEMATICS = w.handKinematics();
        }
    }

    private static double lower(int j) {
        return SPEC.limits().lower()[j];
    }

    private static double upper(int j) {
        return SPEC.limits().upper()[j];
    }

    /**
     * A human hand whose fingertip vectors are exactly those of the robot hand at {@code q} (so the
     * optimum is known), placed anywhere with any wrist orientation.
     */
    private HandJointsSample humanFromRobot(double[] q, Vector3d wristPos, Quaterniond wristRot) {
        HandJointsSample h = new HandJointsSample();
        h.setHeader(1, true);
        for (int j = 0; j < HandJoint.COUNT; j++) {
            h.setJoint(j, wristPos.x, wristPos.y, wristPos.z, 0, 0, 0, 1, 0.01, true);
        }
        h.setJoint(HandJoint.WRIST.ordinal(), wristPos.x, wristPos.y, wristPos.z,
                wristRot.x, wristRot.y, wristRot.z, wristRot.w, 0.02, true);
        Quaterniond alignInv = new Quaterniond(cfg.alignment()).conjugate();
        double[] p = new double[3];
        for (int f = 0; f < 4; f++) {
            hand.tipPosition(f, q, p, 0);
            Vector3d tip = new Vector3d(p[0], p[1], p[2]);
            tip.div(cfg.scale());
            alignInv.transform(tip);
            wristRot.transform(tip).add(wristPos);
            h.setJoint(cfg.tips().get(f).ordinal(), tip.x, tip.y, tip.z, 0, 0, 0, 1, 0.008, true);
        }
        return h;
    }

    @Test
    void recoversReachablePosesFromAnyWristPlacement() {
        Random r = new Random(42);
        HandRetargeter rt = new HandRetargeter(hand, SPEC.limits(), cfg);
        for (int trial = 0; trial < 5; trial++) {
            double[] truth = new double[12];
            for (int j = 0; j < 12; j++) {
                truth[j] = lower(j) + r.nextDouble() * (upper(j) - lower(j)) * 0.6;
            }
            HandJointsSample human = humanFromRobot(truth, new Vector3d(r.nextDouble(), r.nextDouble(), 1),
                    new Quaterniond().rotateXYZ(r.nextDouble() * 3, r.nextDouble() * 3, r.nextDouble() * 3));
            double[] q = SPEC.open().clone();
            double before = rt.error(human, q);
            for (int call = 0; call < 10; call++) { // a few frames of the same pose (warm start)
                assertThat(rt.retarget(human, q)).isTrue();
            }
            double after = rt.lastError();
            assertThat(before).isGreaterThan(1e-4);
            assertThat(after).as("trial %d", trial).isLessThan(1e-7); // < 0.3 mm RMS per tip
            for (int j = 0; j < 12; j++) {
                assertThat(q[j]).isBetween(lower(j), upper(j));
            }
        }
    }

    @Test
    void unreachableHumanPosesStillReduceTheErrorWithinLimits() {
        HandRetargeter rt = new HandRetargeter(hand, SPEC.limits(), cfg);
        Random r = new Random(9);
        for (int trial = 0; trial < 5; trial++) {
            // a human hand of its own proportions: tips on a sphere-ish shell, not on the robot's manifold
            HandJointsSample h = new HandJointsSample();
            h.setHeader(1, true);
            for (int j = 0; j < HandJoint.COUNT; j++) {
                h.setJoint(j, 0, 0, 0, 0, 0, 0, 1, 0.01, true);
            }
            for (HandJoint t : HandJoint.TIPS) {
                double curl = r.nextDouble() * 1.5;
                double side = (r.nextDouble() - 0.5) * 0.06;
                h.setJoint(t.ordinal(), side, -0.09 * Math.sin(curl), -0.09 - 0.09 * Math.cos(curl), 0, 0, 0, 1,
                        0.008, true);
            }
            double[] q = SPEC.open().clone();
            double before = rt.error(h, q);
            assertThat(rt.retarget(h, q)).isTrue();
            assertThat(rt.lastError()).isLessThan(before * 0.5);
            for (int j = 0; j < 12; j++) {
                assertThat(q[j]).isBetween(lower(j), upper(j));
            }
        }
    }

    @Test
    void untrackedHandLeavesTheJointsUnchanged() {
        HandRetargeter rt = new HandRetargeter(hand, SPEC.limits(), cfg);
        HandJointsSample h = new HandJointsSample();
        h.setHeader(1, false);
        double[] q = SPEC.closed().clone();
        assertThat(rt.retarget(h, q)).isFalse();
        assertThat(q).containsExactly(SPEC.closed());
    }

    @Test
    void aGripperIsRejectedWithAClearMessage() {
        try (SimWorld w = new SimWorld(SimConfig.defaults(1).withHand(HandSpec.Kind.PARALLEL_GRIPPER))) {
            HandRetargetConfig two = new HandRetargetConfig(1, new Quaterniond(),
                    java.util.List.of(HandJoint.INDEX_TIP, HandJoint.THUMB_TIP), 5, 0);
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> new HandRetargeter(w.handKinematics(), w.handSpec().limits(), two))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share joints");
        }
    }

    @Test
    void aRobotHandSuppliesItsOwnKinematicsAndLimits() throws Exception {
        try (studio.tandem.teleop.station.SimulatedStation sim = studio.tandem.teleop.station.SimulatedStation.create(
                SimConfig.defaults(1), new studio.tandem.dataset.time.ManualClock(0), false)) {
            HandRetargeter rt = HandRetargeter.forHand(sim.hand(), cfg);
            assertThat(rt.hand()).isSameAs(sim.hand().kinematics().orElseThrow());
            double[] truth = SPEC.closed().clone();
            HandJointsSample human = humanFromRobot(truth, new Vector3d(0.2, 0.1, 1.2), new Quaterniond());
            double[] q = SPEC.open().clone();
            for (int call = 0; call < 10; call++) {
                assertThat(rt.retarget(human, q)).isTrue();
            }
            assertThat(rt.lastError()).isLessThan(1e-7);
        }
    }
}
