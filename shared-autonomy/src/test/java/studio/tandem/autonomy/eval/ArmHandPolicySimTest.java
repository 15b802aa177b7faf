package studio.tandem.autonomy.eval;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtEnvironment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.tandem.autonomy.arbitration.Authority;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.loop.TickData;
import studio.tandem.autonomy.policy.FrameSource;
import studio.tandem.autonomy.policy.PolicyRuntime;
import studio.tandem.autonomy.train.DemoStep;
import studio.tandem.autonomy.train.PolicySpec;
import studio.tandem.autonomy.train.PolicyTraining;
import studio.tandem.autonomy.train.SimArmHandPolicy;
import studio.tandem.autonomy.train.Trainer;
import studio.tandem.teleop.sim.SimConfig;
import studio.tandem.teleop.station.SimulatedStation;
import studio.tandem.dataset.time.NanoClock;

/**
 * The arm+hand policy end to end in the simulator: demonstrations with arm deltas, the trainer's loss
 * going down on them, and an autonomous episode in which the trained policy moves the arm.
 */
class ArmHandPolicySimTest {
    @TempDir
    Path dir;

    private static PolicySpec spec() {
        try (SimulatedStation sim = SimulatedStation.create(SimConfig.defaults(1), NanoClock.SYSTEM, false)) {
            return SimArmHandPolicy.spec(List.of(sim.arm().chain().jointNames()), sim.hand().spec().jointNames(),
                    sim.hand().spec().fingertips(), GraspTask.vocabulary(), SimDemonstrations.ACTION_FPS, 8, 8);
        }
    }

    @Test
    void demonstrationsTrainAPolicyThatDrivesTheArmInAutonomousMode() throws Exception {
        PolicySpec spec = spec();
        List<DemoStep> demos = SimDemonstrations.collect(2, 3, spec, e -> { });
        assertThat(demos.size()).as("at least one successful episode of ~7 s at 25 samples/s").isBetween(150, 450);
        DemoStep mid = demos.get(40); // reaching: the arm moves
        assertThat(mid.handState()).as("arm + hand command").hasSize(18);
        assertThat(mid.chunk()).hasSize(10 * 18);
        double armDelta = 0;
        for (int j = 0; j < 6; j++) {
            double d = mid.chunk()[9 * 18 + j];
            assertThat(Math.abs(d)).as("arm column %d is a small delta on the previous command", j).isLessThan(0.5);
            armDelta += Math.abs(d);
        }
        assertThat(armDelta).as("the arm moves over the chunk").isGreaterThan(0.01);

        PolicyTraining.Result r = PolicyTraining.train(demos, spec, new Trainer.Config(12, 32, 0.003, 1),
                dir.resolve("ah.onnx"), e -> { });
        double[] l = r.epochLosses();
        assertThat(l[l.length - 1]).as("loss went down on the arm task").isLessThan(0.5 * l[0]);

        ArmTicks ticks = new ArmTicks();
        try (PolicyRuntime rt = PolicyRuntime.load(r.manifest(), OrtEnvironment.getEnvironment(), null)) {
            SimEpisode.run(5, Mode.AUTONOMOUS, SimEpisode.of(rt), ticks);
        }
        assertThat(ticks.policyArmTicks).as("ticks with the arm under the policy").isGreaterThan(100);
        assertThat(ticks.maxArmTravel).as("the policy moved the arm (rad)").isGreaterThan(0.05);
    }

    /** Counts ticks whose arm authority is the policy, and how far the arm got from its start meanwhile. */
    private static final class ArmTicks implements SimEpisode.TickSink {
        double[] start;
        int policyArmTicks;
        double maxArmTravel;

        @Override
        public void onTick(TickData t, int armDof, FrameSource camera, String instruction) {
            if (start == null) {
                start = java.util.Arrays.copyOf(t.jointState(), armDof);
            }
            if (t.armAuthority() != Authority.POLICY || t.intervention()) {
                return;
            }
            policyArmTicks++;
            double travel = 0;
            for (int j = 0; j < armDof; j++) {
                travel += Math.abs(t.jointState()[j] - start[j]);
            }
            maxArmTravel = Math.max(maxArmTravel, travel);
        }
    }
}
