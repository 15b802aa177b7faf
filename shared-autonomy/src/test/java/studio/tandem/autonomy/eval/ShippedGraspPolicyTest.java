package studio.tandem.autonomy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OrtEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import studio.tandem.autonomy.arbitration.Authority;
import studio.tandem.autonomy.arbitration.JointGroup;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.policy.PolicyRuntime;

/** The shipped arm+hand policy in models/ drives the arm and the hand in an autonomous episode. */
class ShippedGraspPolicyTest {
    private static final Path MANIFEST = Path.of("..", "models", "grasp_policy.json");

    @Test
    void theShippedArmHandPolicyMovesTheArmInAutonomousMode() throws Exception {
        assumeTrue(Files.isRegularFile(MANIFEST), "no shipped arm+hand policy at " + MANIFEST.toAbsolutePath());
        try (PolicyRuntime rt = PolicyRuntime.load(MANIFEST, OrtEnvironment.getEnvironment(), null)) {
            assertThat(rt.manifest().action().drives(JointGroup.ARM)).isTrue();
            assertThat(rt.manifest().action().drives(JointGroup.HAND)).isTrue();
            int[] policyTicks = new int[2];
            double[] start = new double[6];
            double[] travel = new double[1];
            SimEpisode.run(100, Mode.AUTONOMOUS, SimEpisode.of(rt), (t, arm, cam, text) -> {
                if (t.sequence() == 0) {
                    System.arraycopy(t.jointState(), 0, start, 0, arm);
                }
                if (t.armAuthority() == Authority.POLICY && !t.intervention()) {
                    policyTicks[0]++;
                    double d = 0;
                    for (int j = 0; j < arm; j++) {
                        d += Math.abs(t.jointState()[j] - start[j]);
                    }
                    travel[0] = Math.max(travel[0], d);
                }
                if (t.handAuthority() == Authority.POLICY) {
                    policyTicks[1]++;
                }
            });
            assertThat(policyTicks[0]).as("ticks with the policy driving the arm").isGreaterThan(300);
            assertThat(policyTicks[1]).as("ticks with the policy driving the hand").isGreaterThan(300);
            assertThat(travel[0]).as("arm travel under the policy (rad)").isGreaterThan(0.3);
        }
    }
}
