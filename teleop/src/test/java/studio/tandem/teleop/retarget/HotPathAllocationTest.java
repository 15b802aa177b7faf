package studio.tandem.teleop.retarget;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.joml.Matrix4d;
import org.joml.Quaterniond;
import org.joml.Vector3d;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import studio.tandem.dataset.time.ManualClock;
import studio.tandem.teleop.input.HandJoint;
import studio.tandem.teleop.input.HandJointsSample;
import studio.tandem.teleop.input.PoseSample;
import studio.tandem.teleop.input.ProgrammaticDevice;
import studio.tandem.teleop.input.Side;
import studio.tandem.teleop.kinematics.DhChain;
import studio.tandem.teleop.kinematics.DlsIkSolver;
import studio.tandem.teleop.kinematics.ForwardKinematics;
import studio.tandem.teleop.kinematics.IkConfig;
import studio.tandem.teleop.openxr.XrFrameInput;
import studio.tandem.teleop.openxr.XrInputMapper;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.kinematics.JointLimits;

/** The per-sample path (publish, read, retarget arm with IK, retarget hand, map XR input) allocates nothing. */
class HotPathAllocationTest {

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void steadyStateTicksAllocateNothing() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        ManualClock clock = new ManualClock(1);
        ProgrammaticDevice dev = new ProgrammaticDevice("d", clock);
        dev.connect();
        DhChain ur5e = DhChain.ur5e();
        double[] home = {0, -Math.PI / 2, Math.PI / 2, -Math.PI / 2, -Math.PI / 2, 0};
        Matrix4d tcp = new ForwardKinematics(ur5e).tcp(home, new Matrix4d());
        ArmRetargeter arm = new ArmRetargeter(dev, ArmRetargetConfig.defaults(0).withClutchButton(-1),
                new DlsJointSolver(new DlsIkSolver(ur5e, IkConfig.defaults())), 6);
        arm.reset(tcp.getTranslation(new Vector3d()), tcp.getNormalizedRotation(new Quaterniond()), home);
        HandSpec spec = new HandSpec(HandSpec.Kind.MULTI_FINGER,
                java.util.List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"),
                JointLimits.uniform(12, -0.5, 1.7, 3), java.util.List.of("t1", "t2", "t3", "t4"),
                new double[12], new double[12]);
        HandRetargeter hand = new HandRetargeter(simHand(), spec.limits(), HandRetargetConfig.simFourFinger());
        HandJointsSample h = new HandJointsSample();
        HandJointsSample hRead = new HandJointsSample();
        double[] q = new double[12];
        XrInputMapper mapper = new XrInputMapper();
        XrFrameInput frame = new XrFrameInput();
        frame.gripPose[1][6] = 1;
        PoseSample s = new PoseSample();
        PoseSample mapped = new PoseSample();
        Runnable step = new Runnable() {
            int i;

            @Override
            public void run() {
                i++;
                clock.advanceNanos(2_000_000L);
                double t = i * 0.002;
                s.set(clock.nanoTime(), 0.02 * Math.sin(t), 0.02 * Math.cos(t), 0, 0, 0, 0, 1).setInputs(0, 0.3, 0, true);
                dev.publish(0, s);
                arm.tick(clock.nanoTime());
                h.setHeader(clock.nanoTime(), true);
                for (int j = 0; j < HandJoint.COUNT; j++) {
                    h.setJoint(j, 0.01 * Math.sin(t + j), 0, -0.007 * j, 0, 0, 0, 1, 0.01, true);
                }
                dev.publish(Side.RIGHT, h);
                dev.readHand(Side.RIGHT, hRead);
                hand.retarget(hRead, q);
                frame.squeeze[1] = (i % 50) / 50.0;
                mapper.controller(frame, 1, clock.nanoTime(), mapped);
            }
        };
        for (int i = 0; i < 20_000; i++) {
            step.run(); // warm-up: JIT, lazy JDK internals
        }
        long before = allocated();
        for (int i = 0; i < 5_000; i++) {
            step.run();
        }
        long bytes = allocated() - before;
        assertThat(bytes).as("bytes allocated over 5000 ticks").isLessThan(5_000);
    }

    /** The simulated four-finger hand's own fingertip kinematics. */
    private static studio.tandem.teleop.robot.HandKinematics simHand() {
        try (studio.tandem.teleop.sim.SimWorld w = new studio.tandem.teleop.sim.SimWorld(
                studio.tandem.teleop.sim.SimConfig.defaults(1))) {
            return w.handKinematics();
        }
    }
}
