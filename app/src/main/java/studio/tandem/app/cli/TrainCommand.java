package studio.tandem.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ai.onnxruntime.OrtEnvironment;
import studio.tandem.autonomy.eval.FailureCalibration;
import studio.tandem.autonomy.eval.GraspTask;
import studio.tandem.autonomy.policy.ManifestJson;
import studio.tandem.autonomy.policy.PolicyRuntime;
import studio.tandem.autonomy.eval.SimDemonstrations;
import studio.tandem.autonomy.train.DatasetDemonstrations;
import studio.tandem.autonomy.train.DemoStep;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.train.PolicyKind;
import studio.tandem.autonomy.train.PolicySpec;
import studio.tandem.autonomy.train.SimArmHandPolicy;
import studio.tandem.autonomy.train.PolicyTraining;
import studio.tandem.autonomy.train.SimHandPolicy;
import studio.tandem.autonomy.train.Trainer;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.sim.SimConfig;
import studio.tandem.teleop.station.SimulatedStation;
import studio.tandem.dataset.lerobot.LeRobotDataset;
import studio.tandem.dataset.time.NanoClock;

/**
 * {@code tandem train}: learns a policy from demonstrations and writes the ONNX model with its manifest
 * beside it: the hand policy (the default kind), or with {@code --kind arm-hand} a policy whose actions
 * cover the arm (deltas on the previous arm command) and the hand, for autonomous mode. Demonstrations
 * come from a LeRobot v3.0 dataset ({@code --dataset}, e.g. recorded with {@code record --station sim})
 * or from scripted teleoperated episodes run in the simulated station.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a policy (hand, or arm+hand) from demonstrations; writes OUT (.onnx) and its manifest (.json).")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "model file to write, e.g. policy.onnx")
    Path out;

    @Option(names = "--dataset", description = "a LeRobot v3.0 dataset of demonstrations")
    Path dataset;

    @Option(names = "--kind", defaultValue = "hand",
            description = "hand (default: the hand policy of shared autonomy) or arm-hand (drives arm and hand)")
    String kind;

    @Option(names = "--sim-episodes", defaultValue = "40",
            description = "episodes to record in the simulated station when no --dataset is given (default 40)")
    int simEpisodes;

    @Option(names = "--epochs", defaultValue = "60")
    int epochs;

    @Option(names = "--image-size",
            description = "side of the square wrist image the network reads, px (default 16 hand, 24 arm-hand)")
    Integer imageSize;

    @Option(names = "--calibrate-episodes", defaultValue = "10",
            description = "sim episodes (shared mode; autonomous for arm-hand) whose failure scores calibrate the "
                    + "threshold (0: skip; default 10)")
    int calibrateEpisodes;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!out.getFileName().toString().endsWith(".onnx")) {
            throw new UserError("--out " + out + ": the model file must end in .onnx");
        }
        if (out.toAbsolutePath().getParent() != null && !Files.isDirectory(out.toAbsolutePath().getParent())) {
            throw new UserError("--out " + out + ": folder " + out.toAbsolutePath().getParent() + " does not exist");
        }
        PolicyKind k = parseKind();
        int image = imageSize != null ? imageSize : k == PolicyKind.HAND ? 16 : 24;
        if (image < 2 || image > 96) {
            throw new UserError("--image-size " + image + ": must be within 2..96 px");
        }
        PolicySpec policy;
        List<DemoStep> demos;
        if (dataset != null) {
            LeRobotDataset d = openDataset();
            policy = k == PolicyKind.HAND ? DatasetDemonstrations.spec(d, image) : DatasetDemonstrations.armHandSpec(d, image);
            err.printf("reading %d episodes of %s…%n", d.episodes().size(), dataset);
            demos = DatasetDemonstrations.load(d, policy, e -> progress(err, "episode", e + 1, d.episodes().size()));
        } else {
            policy = simSpec(k, image);
            err.printf("recording %d demonstrations in the simulator…%n", simEpisodes);
            demos = SimDemonstrations.collect(simEpisodes, seed * 1000, policy,
                    e -> progress(err, "episode", e + 1, simEpisodes));
        }
        err.printf("training on %d samples…%n", demos.size());
        PolicyTraining.Result r = PolicyTraining.train(demos, policy, new Trainer.Config(epochs, 32, 0.003, seed),
                out, e -> progress(err, "epoch", e + 1, epochs));
        double threshold = calibrate(r.manifest(), k == PolicyKind.HAND ? Mode.SHARED : Mode.AUTONOMOUS, err);
        report(k, r, threshold);
        return 0;
    }

    private LeRobotDataset openDataset() throws java.io.IOException {
        if (!Files.isDirectory(dataset)) {
            throw new UserError("--dataset " + dataset + ": no such folder");
        }
        return LeRobotDataset.open(dataset);
    }

    /** The last line: JSON with the kind, files, sample and parameter counts, losses and threshold. */
    private void report(PolicyKind k, PolicyTraining.Result r, double threshold) throws java.io.IOException {
        double[] l = r.epochLosses();
        spec.commandLine().getOut().printf(Locale.ROOT, "{\"kind\":\"%s\",\"model\":\"%s\",\"manifest\":\"%s\","
                + "\"samples\":%d,\"parameters\":%d,\"first_loss\":%.5f,\"final_loss\":%.5f,\"model_bytes\":%d,"
                + "\"failure_threshold\":%s}%n", k.cliName(), json(r.model()), json(r.manifest()), r.samples(),
                r.parameters(), l[0], l[l.length - 1], Files.size(r.model()), Double.isNaN(threshold) ? "null"
                        : String.format(Locale.ROOT, "%.6f", threshold));
    }

    private PolicyKind parseKind() {
        try {
            return PolicyKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new UserError("--kind: " + e.getMessage());
        }
    }

    /** Calibrates the failure threshold in sim episodes of {@code mode} and stores it in the manifest; NaN if skipped. */
    private double calibrate(Path manifest, Mode mode, PrintWriter err) throws Exception {
        if (calibrateEpisodes <= 0) {
            return Double.NaN;
        }
        String name = mode.name().toLowerCase(Locale.ROOT);
        err.printf("calibrating the failure threshold on %d %s-mode episodes…%n", calibrateEpisodes, name);
        err.flush();
        try (PolicyRuntime rt = PolicyRuntime.load(manifest, OrtEnvironment.getEnvironment(), null)) {
            FailureCalibration.Result c;
            try {
                c = FailureCalibration.calibrate(rt, mode, calibrateEpisodes, seed * 7919,
                        FailureCalibration.DEFAULT_QUANTILE);
            } catch (IllegalArgumentException e) {
                err.println("  not calibrated: " + e.getMessage());
                return Double.NaN;
            }
            err.printf(Locale.ROOT, "  p99 of %d scores over %d/%d successful episodes: %.5f%n", c.scores(),
                    c.successes(), c.episodes(), c.threshold());
            ManifestJson.write(rt.manifest().withFailureThreshold(c.threshold()), manifest);
            return c.threshold();
        }
    }

    private PolicySpec simSpec(PolicyKind k, int image) {
        HandSpec hand;
        List<String> arm;
        try (SimulatedStation sim = SimulatedStation.create(SimConfig.defaults(seed), NanoClock.SYSTEM, false)) {
            hand = sim.hand().spec();
            arm = List.of(sim.arm().chain().jointNames());
        }
        return k == PolicyKind.HAND
                ? SimHandPolicy.spec(hand.jointNames(), hand.fingertips(), GraspTask.vocabulary(),
                        SimDemonstrations.ACTION_FPS, image, 8)
                : SimArmHandPolicy.spec(arm, hand.jointNames(), hand.fingertips(), GraspTask.vocabulary(),
                        SimDemonstrations.ACTION_FPS, image, 8);
    }

    private static void progress(PrintWriter err, String what, int i, int n) {
        err.printf("  %s %d/%d%n", what, i, n);
        err.flush();
    }

    static String json(Path p) {
        return p.toString().replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
