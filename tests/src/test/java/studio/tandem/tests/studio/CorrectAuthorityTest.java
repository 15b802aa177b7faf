package studio.tandem.tests.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.tandem.tests.studio.CollectWorkspaceTest.await;
import static studio.tandem.tests.studio.StudioFixtures.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import studio.tandem.app.studio.StudioContext;
import studio.tandem.app.studio.StudioWindow;
import studio.tandem.app.studio.Workspace;
import studio.tandem.app.studio.session.SessionSettings;
import studio.tandem.app.studio.session.StationSession;
import studio.tandem.autonomy.arbitration.Authority;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.loop.Tick;
import studio.tandem.dataset.lerobot.EpisodeFrames;
import studio.tandem.dataset.lerobot.EpisodeRecord;
import studio.tandem.dataset.lerobot.LeRobotDataset;
import studio.tandem.dataset.time.NanoClock;

/**
 * Correct with the shipped hand policy: the arm selector is disabled with the reason (the policy
 * drives the hand only); the hand set to a blend goes live in the running loop (published ticks) and
 * the recorded {@code authority} column and events show it. The failure-pause switch: a threshold
 * every score crosses pauses the policy, the big indicator says so, and Run resumes it.
 */
@ExtendWith(ApplicationExtension.class)
class CorrectAuthorityTest {
    @TempDir
    Path tmp;
    private StudioContext ctx;
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        ctx = new StudioContext(NanoClock.SYSTEM, tmp.resolve("data"), tmp.resolve("none.yaml"));
        ctx.useSession(new SessionSettings(tmp.resolve("data/authority"), 30, 160, 120, true, 100, 5));
        window = StudioFixtures.show(stage, ctx);
    }

    @AfterEach
    void close() {
        StudioFixtures.close(window, ctx);
    }

    @Test
    void aHandBlendGoesLiveAndIsRecorded(FxRobot robot) throws Exception {
        StationSession s = loadShippedPolicy();
        assertThat(disabled("#armAuthoritySelect")).isTrue();
        assertThat(text("#armAuthorityReason")).isEqualTo("this policy drives the hand only");
        assertThat(disabled("#handAuthoritySelect")).isFalse();

        robot.type(KeyCode.F5);
        await("recording", 20, () -> window.collect().recordingProperty().get());
        Thread.sleep(700);
        fx(() -> select("#handAuthoritySelect", Authority.BLEND));
        await("the loop blends the hand", 10, () -> {
            Tick t = s.loop().ticks().latest();
            return t.handAuthority() == Authority.BLEND && t.mode() == Mode.SHARED
                    && text("#handAuthority").equals("HAND: BLEND");
        });
        assertThat(s.loop().ticks().latest().armAuthority()).isEqualTo(Authority.OPERATOR);
        Thread.sleep(700);
        robot.type(KeyCode.F6);
        await("episode saved", 60, () -> window.collect().savedProperty().get() == 1);

        LeRobotDataset ds = LeRobotDataset.open(ctx.session().dataset());
        EpisodeRecord ep = ds.episodes().get(0);
        assertThat(ep.extras().events()).anyMatch(e -> e.type().equals("annotation")
                && e.detail().equals("authority: arm operator · hand blend 50 % policy · shared"));
        assertThat(ep.extras().events()).as("the loop's own authority event, kept as an annotation")
                .anyMatch(e -> e.type().equals("annotation") && e.detail().equals("hand authority policy → blend"));
        EpisodeFrames frames = ds.readEpisode(0);
        float[] authority = frames.floats("authority");
        int blendRows = 0;
        int policyRows = 0;
        for (int i = 1; i < authority.length; i += 2) {
            blendRows += authority[i] == Authority.BLEND.code() ? 1 : 0;
            policyRows += authority[i] == Authority.POLICY.code() ? 1 : 0;
        }
        assertThat(policyRows).as("hand rows under the policy before the change").isGreaterThan(5);
        assertThat(blendRows).as("hand rows blended after it").isGreaterThan(5);

        fx(() -> window.scene().getRoot().requestFocus());
        robot.type(KeyCode.DIGIT1);
        await("teleop preset: the operator has both", 10, () -> s.loop().ticks().latest().mode() == Mode.TELEOP
                && s.loop().ticks().latest().handAuthority() == Authority.OPERATOR);
        robot.type(KeyCode.DIGIT3);
        StudioFixtures.waitUntil("autonomous preset: the policy has the hand, the arm stays the operator's", () -> {
            Tick t = s.loop().ticks().latest();
            return t.mode() == Mode.AUTONOMOUS && t.handAuthority() == Authority.POLICY
                    && t.armAuthority() == Authority.OPERATOR;
        }, () -> {
            Tick t = s.loop().ticks().latest();
            return t.mode() + " arm " + t.armAuthority() + " hand " + t.handAuthority() + ", preset "
                    + window.correct().authority().presetProperty().get() + ", running "
                    + window.correct().runningProperty().get() + ", failure paused "
                    + s.loop().failureMonitor().paused() + ", fresh " + t.policyFresh();
        });
    }

    @Test
    void aFailureAlertPausesThePolicyAndRunResumesIt(FxRobot robot) throws Exception {
        fx(() -> window.shell().workspaceProperty().set(Workspace.CORRECT));
        await("station started", 90, () -> window.sessions().session() != null);
        StationSession s = window.sessions().session();
        s.failurePolicy(1e-9, true);
        StationSession same = loadShippedPolicy();
        assertThat(same).isSameAs(s);
        assertThat(checked("#pauseOnFailure")).as("on by default").isTrue();
        await("paused by the failure monitor", 30, () -> s.loop().failureMonitor().paused()
                && text("#correctIntervention").equals("POLICY PAUSED · FAILURE · RUN RESUMES"));
        assertThat(window.correct().runningProperty().get()).isFalse();
        await("the operator has the hand", 5, () -> s.loop().ticks().latest().handAuthority() == Authority.OPERATOR);

        fx(() -> ((CheckBox) window.scene().lookup("#pauseOnFailure")).setSelected(false));
        robot.type(KeyCode.P);
        await("resumed", 10, () -> !s.loop().failureMonitor().paused()
                && s.loop().ticks().latest().handAuthority() == Authority.POLICY
                && text("#correctIntervention").equals("POLICY IN CONTROL"));
        assertThat(window.correct().runningProperty().get()).isTrue();
        Thread.sleep(1000);
        assertThat(s.loop().failureMonitor().paused()).as("switch off: alerts no longer pause").isFalse();
    }

    @Test
    void anArmAndHandPolicyDrivesTheArmInAutonomous(FxRobot robot) throws Exception {
        StationSession s = loadShippedPolicy("grasp_policy.json");
        assertThat(disabled("#armAuthoritySelect")).as("the arm+hand policy drives the arm").isFalse();
        assertThat(text("#armAuthorityReason")).isEmpty();
        await("shared: operator arm, policy hand", 10, () -> s.loop().ticks().latest().armAuthority()
                == Authority.OPERATOR && s.loop().ticks().latest().handAuthority() == Authority.POLICY);
        double[] before = s.loop().ticks().latest().jointState().clone();

        fx(() -> window.scene().getRoot().requestFocus());
        robot.type(KeyCode.DIGIT3);
        await("autonomous: the policy has arm and hand", 10, () -> {
            Tick t = s.loop().ticks().latest();
            return t.mode() == Mode.AUTONOMOUS && t.armAuthority() == Authority.POLICY
                    && t.handAuthority() == Authority.POLICY;
        });
        await("the policy moves the arm with no operator input", 30, () -> {
            double[] q = s.loop().ticks().latest().jointState();
            double moved = 0;
            for (int i = 0; i < 6; i++) {
                moved += Math.abs(q[i] - before[i]);
            }
            return moved > 0.02;
        });
    }

    @Test
    void restartingTheStationUnloadsThePolicyAndSaysSo(FxRobot robot) throws Exception {
        StationSession old = loadShippedPolicy();
        boolean[] restarted = new boolean[1];
        fx(() -> restarted[0] = window.sessions().restart());
        assertThat(restarted[0]).isTrue();
        await("a new station session", 90, () -> window.sessions().session() != null
                && window.sessions().session() != old);
        StationSession s = window.sessions().session();
        assertThat(s.policy()).as("the new session runs no policy").isNull();
        await("Correct shows it unloaded", 10, () -> !window.correct().loadedProperty().get()
                && window.correct().statusProperty().get().contains("load it again"));
        assertThat(disabled("#handAuthoritySelect")).isTrue();
        assertThat(text("#handAuthorityReason")).isEqualTo("no policy loaded");
        await("the operator has the hand", 10, () -> s.loop().ticks().latest() != null
                && s.loop().ticks().latest().handAuthority() == Authority.OPERATOR);
    }

    private StationSession loadShippedPolicy() {
        return loadShippedPolicy("hand_policy.json");
    }

    private StationSession loadShippedPolicy(String file) {
        Path policy = Path.of("../models").resolve(file).toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(policy), "shipped policy absent: " + policy);
        fx(() -> window.shell().workspaceProperty().set(Workspace.CORRECT));
        await("station started", 90, () -> window.sessions().session() != null);
        StationSession s = window.sessions().session();
        fx(() -> window.correct().policyPathProperty().set(policy.toString()));
        fx(() -> ((javafx.scene.control.ButtonBase) window.scene().lookup("#policyLoad")).fire());
        await("policy loaded", 60, () -> window.correct().loadedProperty().get());
        await("policy running", 30, () -> s.policy() != null && s.policy().worker().inferences() > 2);
        return s;
    }

    @SuppressWarnings("unchecked")
    private void select(String id, Authority a) {
        ((ChoiceBox<Authority>) window.scene().lookup(id)).setValue(a);
    }

    private boolean disabled(String id) {
        boolean[] out = new boolean[1];
        fx(() -> out[0] = window.scene().lookup(id).isDisabled());
        return out[0];
    }

    private boolean checked(String id) {
        boolean[] out = new boolean[1];
        fx(() -> out[0] = ((CheckBox) window.scene().lookup(id)).isSelected());
        return out[0];
    }

    private String text(String id) {
        String[] out = new String[1];
        fx(() -> out[0] = ((Labeled) window.scene().lookup(id)).getText());
        return out[0];
    }
}
