package studio.tandem.app.cli;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import studio.tandem.autonomy.policy.ChunkScheduler;
import studio.tandem.autonomy.policy.ImageFrame;
import studio.tandem.autonomy.policy.PolicyInputs;
import studio.tandem.autonomy.policy.PolicyManifest;
import studio.tandem.autonomy.policy.PolicyRuntime;

/**
 * {@code tandem bench policy}: the policy runtime (pre-processing, inference, post-processing and
 * chunk scheduling) against a bare {@code OrtSession.run} on the same model and input tensors,
 * interleaved; the last line is JSON with {@code overhead_ratio} (ratio of the medians; the ratio of
 * the means is reported too).
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Policy runtime overhead over a bare ONNX Runtime call; the last line is JSON.")
final class BenchPolicyCommand implements Callable<Integer> {
    @Option(names = "--policy", description = "policy .onnx or manifest .json (default: the shipped hand policy)")
    Path policy;

    @Option(names = "--iterations", defaultValue = "2000")
    int iterations;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (PolicyRuntime rt = PolicyRuntime.load(PolicyLocation.manifest(policy), OrtEnvironment.getEnvironment(),
                null)) {
            fillInputs(rt);
            PolicyManifest m = rt.manifest();
            int length = m.action().horizon() * m.action().dim();
            double[] chunk = new double[length];
            double[] action = new double[m.action().dim()];
            ChunkScheduler scheduler = new ChunkScheduler(m.action().horizon(), m.action().dim(), m.actionFps(), 16,
                    0.01, ones(m.action().dim()));
            long[] full = new long[iterations];
            long[] bare = new long[iterations];
            for (int i = -200; i < iterations; i++) {
                long t0 = System.nanoTime();
                rt.infer(chunk);
                scheduler.add(t0, chunk, t0);
                scheduler.actionAt(t0, action, 0);
                long t1 = System.nanoTime();
                bareRun(rt.session(), rt);
                long t2 = System.nanoTime();
                if (i >= 0) {
                    full[i] = t1 - t0;
                    bare[i] = t2 - t1;
                }
            }
            report(full, bare);
            return 0;
        }
    }

    private static void bareRun(OrtSession session, PolicyRuntime rt) throws OrtException {
        try (OrtSession.Result r = session.run(rt.preparedTensors())) {
            if (r.size() == 0) {
                throw new IllegalStateException("no outputs");
            }
        }
    }

    private void report(long[] full, long[] bare) {
        double sumFull = Arrays.stream(full).sum();
        double sumBare = Arrays.stream(bare).sum();
        Arrays.sort(full);
        Arrays.sort(bare);
        double ratioMean = sumFull / sumBare;
        // the median ratio is the headline: on a shared machine, preemption outliers dominate the means
        double ratio = (double) full[full.length / 2] / bare[bare.length / 2];
        spec.commandLine().getErr().printf(Locale.ROOT, "runtime mean %.1f us, bare OrtSession.run mean %.1f us%n",
                sumFull / full.length / 1e3, sumBare / bare.length / 1e3);
        spec.commandLine().getOut().printf(Locale.ROOT, "{\"bench\":\"policy\",\"iterations\":%d,"
                + "\"runtime_us_p50\":%.1f,\"bare_us_p50\":%.1f,\"runtime_us_mean\":%.1f,\"bare_us_mean\":%.1f,"
                + "\"overhead_us_p50\":%.1f,\"overhead_ratio_mean\":%.4f,\"overhead_ratio\":%.4f}%n", full.length,
                full[full.length / 2] / 1e3, bare[bare.length / 2] / 1e3, sumFull / full.length / 1e3,
                sumBare / bare.length / 1e3, (full[full.length / 2] - bare[bare.length / 2]) / 1e3, ratioMean, ratio);
        spec.commandLine().getOut().flush();
    }

    private static void fillInputs(PolicyRuntime rt) {
        PolicyInputs in = rt.inputs();
        for (ImageFrame f : in.frames().values()) {
            f.resize(640, 480);
            for (int y = 0; y < 480; y++) {
                for (int x = 0; x < 640; x++) {
                    f.set(x, y, x % 256, y % 256, (x + y) % 256);
                }
            }
        }
        for (double[] v : in.vectors().values()) {
            Arrays.fill(v, 0.1);
        }
        in.instruction("pinch the red cube");
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        Arrays.fill(a, 1);
        return a;
    }
}
