package studio.tandem.app.cli;

import ai.onnxruntime.OrtEnvironment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import studio.tandem.autonomy.arbitration.JointGroup;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.eval.EpisodeOutcome;
import studio.tandem.autonomy.eval.SimEpisode;
import studio.tandem.autonomy.eval.SimEvaluation;
import studio.tandem.autonomy.eval.WristCameras;
import studio.tandem.autonomy.policy.PolicyRuntime;
import studio.tandem.autonomy.train.PolicyKind;

/**
 * {@code tandem eval}: seeded grasp tasks on the simulated station in the given mode; the last line is
 * JSON with success_rate, operator_effort, interventions, failure_alerts, mean_episode_s,
 * unassisted_success_rate (successes without any intervention) and the wrist camera used (rendered
 * with EGL, or projected discs when EGL is missing). Modes: teleop (a scripted operator drives arm and
 * hand), shared (the operator drives the arm, the policy the hand; default policy
 * {@code models/hand_policy.json}), autonomous (an arm+hand policy drives both, default
 * {@code models/grasp_policy.json}; the scripted operator keeps hands off and takes over only when the
 * policy does not reach or lift the object in time). Autonomous with a hand-only policy is refused.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate shared autonomy with a scripted operator; the last line is JSON.")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--station", defaultValue = "sim", description = "only 'sim' is supported")
    String station;

    @Option(names = "--mode", defaultValue = "shared", description = "shared, teleop or autonomous (autonomous needs an arm+hand policy)")
    String mode;

    @Option(names = "--episodes", defaultValue = "10")
    int episodes;

    @Option(names = "--seed", defaultValue = "100")
    long seed;

    @Option(names = "--policy", description = "policy .onnx or manifest .json (default: models/hand_policy for shared, "
            + "models/grasp_policy for autonomous)")
    Path policy;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!"sim".equals(station)) {
            throw new UserError("--station " + station + ": only the simulated station ('sim') can be evaluated");
        }
        Mode m = parseMode(mode);
        PrintWriter err = spec.commandLine().getErr();
        PolicyRuntime rt = m == Mode.TELEOP ? null : PolicyRuntime.load(m == Mode.AUTONOMOUS
                ? PolicyLocation.manifest(policy, PolicyKind.ARM_HAND.shippedName(), PolicyKind.ARM_HAND.cliName())
                : PolicyLocation.manifest(policy), OrtEnvironment.getEnvironment(), null);
        try {
            if (rt != null && m == Mode.AUTONOMOUS && !rt.manifest().action().drives(JointGroup.ARM)) {
                throw new UserError("--mode autonomous: policy " + rt.manifest().model() + " drives only the "
                        + rt.manifest().action().group() + "; autonomous needs an arm+hand policy (train one with "
                        + "'train --kind arm-hand')");
            }
            int[] n = {0};
            WristCameras.Choice camera = WristCameras.probe();
            err.println("wrist camera: " + camera.describe());
            SimEvaluation.Summary s = SimEvaluation.run(m, episodes, seed, rt == null ? null : SimEpisode.of(rt), camera, o -> {
                err.printf(Locale.ROOT, "episode %d/%d: %s in %.2f s, lift %.3f m, effort %.2f, interventions %d%n",
                        ++n[0], episodes, o.success() ? "success" : "failure", o.seconds(), o.liftMetres(),
                        o.operatorEffort(), o.interventions());
                err.flush();
            });
            spec.commandLine().getOut().printf(Locale.ROOT, "{\"mode\":\"%s\",\"episodes\":%d,\"success_rate\":%.3f,"
                    + "\"operator_effort\":%.3f,\"interventions\":%d,\"failure_alerts\":%d,\"mean_episode_s\":%.3f,"
                    + "\"unassisted_success_rate\":%.3f,\"wrist_camera\":\"%s\"}%n",
                    m.name().toLowerCase(Locale.ROOT), s.episodes(), s.successRate(), s.operatorEffort(),
                    s.interventions(), s.outcomes().stream().mapToLong(EpisodeOutcome::failureAlerts).sum(),
                    s.meanEpisodeSeconds(), s.unassistedSuccessRate(), camera.kind().name().toLowerCase(Locale.ROOT));
            return 0;
        } finally {
            if (rt != null) {
                rt.close();
            }
        }
    }

    static Mode parseMode(String text) {
        try {
            return Mode.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("--mode " + text + ": must be shared, teleop or autonomous");
        }
    }
}
