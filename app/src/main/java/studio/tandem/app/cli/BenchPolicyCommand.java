package studio.tandem.app.cli;

import ai.onnxruntime.OrtEnvironment;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import studio.tandem.autonomy.policy.PolicyRuntime;

/**
 * {@code tandem bench policy}: the policy runtime's full inference path as the policy thread runs it
 * (the policy worker's step: the camera images as the frame source delivers them, already shrunk;
 * normalisation, inference into pinned outputs, de-normalisation, the chunk queued) plus the control
 * thread's chunk pick-up and ensembling, against a bare {@code OrtSession.run} on
 * the same model and input tensors. Before every timed call the frame source's own thread delivers a
 * new frame, so every inference copies a fresh shrunk image (as with 30 fps cameras and a 10 Hz policy)
 * and every call, runtime or bare, runs just after the frame thread, as the policy thread does; the
 * three kinds take turns. The last line is JSON with
 * {@code overhead_ratio} (ratio of the medians; of the means too), the same against a bare run into
 * pinned outputs, and the cost the frame source pays per camera frame on its own thread
 * ({@code shrink_us_p50}: reading a full frame and shrinking it; {@code frame_copy_us_p50}: the read's
 * copy alone), so the work moved off the inference path stays in view.
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Policy runtime overhead over a bare ONNX Runtime call; the last line is JSON.")
final class BenchPolicyCommand implements Callable<Integer> {
    private static final int WARM_UP = 300;

    @Option(names = "--policy", description = "policy .onnx or manifest .json (default: the shipped hand policy)")
    Path policy;

    @Option(names = "--iterations", defaultValue = "2000")
    int iterations;

    @Option(names = "--frame-width", defaultValue = "640", description = "camera frame width, px (default 640)")
    int frameWidth;

    @Option(names = "--frame-height", defaultValue = "480", description = "camera frame height, px (default 480)")
    int frameHeight;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (iterations < 1) {
            throw new UserError("--iterations must be at least 1, was " + iterations);
        }
        if (frameWidth < 1 || frameHeight < 1) {
            throw new UserError("--frame-width/--frame-height must be positive, was " + frameWidth + "x" + frameHeight);
        }
        try (PolicyRuntime rt = PolicyRuntime.load(PolicyLocation.manifest(policy), OrtEnvironment.getEnvironment(),
                null); PolicyBenchRig rig = new PolicyBenchRig(rt, frameWidth, frameHeight, WARM_UP + 3 * iterations)) {
            long[][] t = measure(rig);
            long[] shrink = Arrays.copyOfRange(rig.shrinkNanos(), WARM_UP, WARM_UP + 3 * iterations);
            long[] copy = Arrays.copyOfRange(rig.copyNanos(), WARM_UP, WARM_UP + 3 * iterations);
            report(rig, t[0], t[1], t[2], shrink, copy);
            return 0;
        }
    }

    /**
     * Runtime, bare and bare pinned samples (ns). Each call is the first after the frame thread
     * delivered a new frame, as at the policy thread's rate (its caches see what the frame thread and
     * everything else left there): the three kinds take turns, {@code iterations} samples each.
     */
    private long[][] measure(PolicyBenchRig rig) throws Exception {
        long[][] t = new long[3][iterations];
        for (int i = -WARM_UP; i < 3 * iterations; i++) {
            int which = Math.floorMod(i, 3);
            if (which == 0) {
                rig.nextObservation();
            }
            rig.nextFrame();
            long a = System.nanoTime();
            if (which == 0) {
                rig.runtime();
            } else if (which == 1) {
                rig.bare();
            } else {
                rig.barePinned();
            }
            long d = System.nanoTime() - a;
            if (i >= 0) {
                t[which][i / 3] = d;
            }
        }
        return t;
    }

    private void report(PolicyBenchRig rig, long[] full, long[] bare, long[] pinned, long[] shrink, long[] copy) {
        double meanFull = mean(full);
        double meanBare = mean(bare);
        double meanShrink = mean(shrink);
        double p50Full = p50(full);
        double p50Bare = p50(bare);
        double p50Pinned = p50(pinned);
        double[] load = BenchControlCommand.loadAverage();
        // the median ratio is the headline: on a shared machine, preemption outliers dominate the means
        spec.commandLine().getErr().printf(Locale.ROOT, "runtime mean %.1f us, bare OrtSession.run mean %.1f us; "
                + "the frame source shrinks a %dx%d frame in %.1f us (median) on its own thread%n", meanFull / 1e3,
                meanBare / 1e3, frameWidth, frameHeight, p50(shrink) / 1e3);
        spec.commandLine().getOut().printf(Locale.ROOT, "{\"bench\":\"policy\",\"iterations\":%d,"
                + "\"runtime_us_p50\":%.1f,\"bare_us_p50\":%.1f,\"bare_pinned_us_p50\":%.1f,\"runtime_us_mean\":%.1f,"
                + "\"bare_us_mean\":%.1f,\"overhead_us_p50\":%.1f,\"overhead_ratio_mean\":%.4f,"
                + "\"overhead_ratio_vs_pinned\":%.4f,\"frame\":\"%dx%d\",\"cameras\":%d,\"shrink_us_p50\":%.1f,"
                + "\"shrink_us_mean\":%.1f,\"frame_copy_us_p50\":%.1f,\"frames_shrunk\":%d,\"frames_reused\":%d,"
                + "\"active_chunks\":%d,\"load_average_1m\":%.2f,\"overhead_ratio\":%.4f}%n", full.length, p50Full / 1e3, p50Bare / 1e3,
                p50Pinned / 1e3, meanFull / 1e3, meanBare / 1e3, (p50Full - p50Bare) / 1e3, meanFull / meanBare,
                p50Full / p50Pinned, frameWidth, frameHeight, rig.cameraCount(), p50(shrink) / 1e3, meanShrink / 1e3,
                p50(copy) / 1e3, rig.frames().framesShrunk(), rig.frames().framesReused(), rig.activeChunks(), load[0],
                p50Full / p50Bare);
        spec.commandLine().getOut().flush();
    }

    private static double mean(long[] a) {
        return (double) Arrays.stream(a).sum() / a.length;
    }

    private static double p50(long[] a) {
        long[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
