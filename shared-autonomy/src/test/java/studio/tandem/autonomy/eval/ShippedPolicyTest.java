package studio.tandem.autonomy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OrtEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.policy.PolicyRuntime;

/** The default hand policy in models/ grasps on its own in shared mode, with less operator effort. */
class ShippedPolicyTest {
    private static final Path MANIFEST = Path.of("..", "models", "hand_policy.json");

    @Test
    void theShippedPolicyClosesTheHandSoTheOperatorOnlyDrivesTheArm() throws Exception {
        assumeTrue(Files.isRegularFile(MANIFEST), "no shipped policy at " + MANIFEST.toAbsolutePath());
        try (PolicyRuntime rt = PolicyRuntime.load(MANIFEST, OrtEnvironment.getEnvironment(), null)) {
            EpisodeOutcome shared = SimEpisode.run(100, Mode.SHARED, SimEpisode.of(rt), null);
            EpisodeOutcome teleop = SimEpisode.run(100, Mode.TELEOP, null, null);
            assertThat(shared.success()).as("lifted " + shared.liftMetres() + " m").isTrue();
            assertThat(shared.interventions()).isZero();
            assertThat(teleop.success()).isTrue();
            assertThat(shared.operatorEffort()).isLessThan(0.7 * teleop.operatorEffort());
        }
    }
}
