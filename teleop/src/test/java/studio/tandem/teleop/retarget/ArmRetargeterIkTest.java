package studio.tandem.teleop.retarget;

import static org.assertj.core.api.Assertions.assertThat;

import org.joml.Matrix4d;
import org.joml.Quaterniond;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

import studio.tandem.dataset.time.ManualClock;
import studio.tandem.teleop.input.PoseSample;
import studio.tandem.teleop.input.ProgrammaticDevice;
import studio.tandem.teleop.kinematics.DhChain;
import studio.tandem.teleop.kinematics.DlsIkSolver;
import studio.tandem.teleop.kinematics.ForwardKinematics;
import studio.tandem.teleop.kinematics.IkConfig;
import studio.tandem.teleop.sim.SimConfig;

class ArmRetargeterIkTest {

    @Test
    void followingProducesJointTargetsThatReachTheTcpTarget() {
        ManualClock clock = new ManualClock(1);
        ProgrammaticDevice dev = new ProgrammaticDevice("vr", clock);
        dev.connect();
        DhChain ur5e = DhChain.ur5e();
        ForwardKinematics fk = new ForwardKinematics(ur5e);
        double[] home = SimConfig.HOME.clone();
        Matrix4d tcp = fk.tcp(home, new Matrix4d());
        ArmRetargeter p = new ArmRetargeter(dev, ArmRetargetConfig.defaults(0),
                new DlsJointSolver(new DlsIkSolver(ur5e, IkConfig.defaults())), 6);
        p.reset(tcp.getTranslation(new Vector3d()), tcp.getNormalizedRotation(new Quaterniond()), home);
        PoseSample s = new PoseSample();
        Matrix4d reached = new Matrix4d();
        for (int i = 0; i < 500; i++) { // 1 s: a 10 cm circle-ish motion and a wrist twist
            clock.advanceNanos(2_000_000L);
            double t = i * 0.002;
            Quaterniond rot = new Quaterniond().rotateZ(0.3 * t);
            s.set(clock.nanoTime(), 0.05 * Math.sin(2 * t), 0.05 * (1 - Math.cos(2 * t)), 0.03 * t,
                    rot.x, rot.y, rot.z, rot.w).setInputs(1L << PoseSample.BUTTON_CLUTCH, 0, 0, true);
            dev.publish(0, s);
            ArmTarget c = p.tick(clock.nanoTime());
            assertThat(c.mode()).as("tick %d: %s", i, c.holdReason()).isEqualTo(ArmTarget.Mode.FOLLOW);
            assertThat(c.jointsValid()).isTrue();
            fk.tcp(c.joints(), reached);
            assertThat(reached.getTranslation(new Vector3d()).distance(c.position())).isLessThan(2e-3);
            studio.tandem.teleop.robot.ArmCommand cmd = c.writeTo(new studio.tandem.teleop.robot.ArmCommand(6),
                    new Matrix4d());
            assertThat(cmd.mode()).isEqualTo(studio.tandem.teleop.robot.ArmCommand.Mode.JOINT_POSITION);
            assertThat(cmd.positions()).containsExactly(c.joints());
        }
    }
}
