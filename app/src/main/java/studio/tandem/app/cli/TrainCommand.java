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
import studio.tandem.autonomy.train.PolicySpec;
import studio.tandem.autonomy.train.PolicyTraining;
import studio.tandem.autonomy.train.SimHandPolicy;
import studio.tandem.autonomy.train.Trainer;
import studio.tandem.teleop.robot.HandSpec;
import studio.tandem.teleop.sim.SimConfig;
import studio.tandem.teleop.station.SimulatedStation;
import studio.tandem.dataset.lerobot.LeRobotDataset;
import studio.tandem.dataset.time.NanoClock;

/**
 * {@code tandem train}: learns the hand policy from demonstrations and writes the ONNX model with its
 * manifest beside it. Demonstrations come from a LeRobot v3.0 dataset ({@code --dataset}, e.g. recorded with
 * {@code record --station sim}) or from scripted teleoperated episodes run in the simulated station.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the hand policy from demonstrations; writes OUT (.onnx) and its manifest (.json).")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "model file to write, e.g. policy.onnx")
    Path out;

    @Option(names = "--dataset", description = "a LeRobot v3.0 dataset of demonstrations")
    Path dataset;

    @Option(names = "--sim-episodes", defaultValue = "40",
            description = "episodes to record in the simulated station when no --dataset is given (default 40)")
    int simEpisodes;

    @Option(names = "--epochs", defaultValue = "60")
    int epochs;

    @Option(names = "--image-size", defaultValue = "16",
            description = "side of the square wrist image the network reads, px (default 16)")
    int imageSize;

    @Option(names = "--calibrate-episodes", defaultValue = "10",
            description = "shared-mode sim episodes whose failure scores calibrate the threshold (0: skip; default 10)")
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
        PolicySpec policy;
        List<DemoStep> demos;
        if (dataset != null) {
            if (!Files.isDirectory(dataset)) {
                throw new UserError("--dataset " + dataset + ": no such folder");
            }
            LeRobotDataset d = LeRobotDataset.open(dataset);
            policy = DatasetDemonstrations.spec(d, imageSize);
            err.printf("reading %d episodes of %s…%n", d.episodes().size(), dataset);
            demos = DatasetDemonstrations.load(d, policy, e -> progress(err, "episode", e + 1, d.episodes().size()));
        } else {
            policy = simSpec();
            err.printf("recording %d demonstrations in the simulator…%n", simEpisodes);
            demos = SimDemonstrations.collect(simEpisodes, seed * 1000, policy.shape().horizon(),
                    e -> progress(err, "episode", e + 1, simEpisodes));
        }
        err.printf("training on %d samples…%n", demos.size());
        PolicyTraining.Result r = PolicyTraining.train(demos, policy, new Trainer.Config(epochs, 32, 0.003, seed),
                out, e -> progress(err, "epoch", e + 1, epochs));
        double threshold = calibrate(r.manifest(), err);
        double[] l = r.epochLosses();
        spec.commandLine().getOut().printf(Locale.ROOT, "{\"model\":\"%s\",\"manifest\":\"%s\",\"samples\":%d,"
                + "\"parameters\":%d,\"first_loss\":%.5f,\"final_loss\":%.5f,\"model_bytes\":%d,"
                + "\"failure_threshold\":%s}%n", json(r.model()), json(r.manifest()), r.samples(), r.parameters(), l[0],
                l[l.length - 1], Files.size(r.model()), Double.isNaN(threshold) ? "null"
                        : String.format(Locale.ROOT, "%.6f", threshold));
        return 0;
    }

    /** Calibrates the failure threshold in shared-mode sim episodes and stores it in the manifest; NaN if skipped. */
    private double calibrate(Path manifest, PrintWriter err) throws Exception {
        if (calibrateEpisodes <= 0) {
            return Double.NaN;
        }
        err.printf("calibrating the failure threshold on %d shared-mode episodes…%n", calibrateEpisodes);
        err.flush();
        try (PolicyRuntime rt = PolicyRuntime.load(manifest, OrtEnvironment.getEnvironment(), null)) {
            FailureCalibration.Result c = FailureCalibration.calibrate(rt, calibrateEpisodes, seed * 7919,
                    FailureCalibration.DEFAULT_QUANTILE);
            err.printf(Locale.ROOT, "  p99 of %d scores over %d/%d successful episodes: %.5f%n", c.scores(),
                    c.successes(), c.episodes(), c.threshold());
            ManifestJson.write(rt.manifest().withFailureThreshold(c.threshold()), manifest);
            return c.threshold();
        }
    }

    private PolicySpec simSpec() {
        HandSpec hand;
        try (SimulatedStation sim = SimulatedStation.create(SimConfig.defaults(seed), NanoClock.SYSTEM, false)) {
            hand = sim.hand().spec();
        }
        return SimHandPolicy.spec(hand.jointNames(), hand.fingertips(), GraspTask.vocabulary(),
                SimDemonstrations.ACTION_FPS, imageSize, 8);
    }

    private static void progress(PrintWriter err, String what, int i, int n) {
        err.printf("  %s %d/%d%n", what, i, n);
        err.flush();
    }

    static String json(Path p) {
        return p.toString().replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
