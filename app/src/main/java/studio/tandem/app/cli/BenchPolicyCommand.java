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
 * copy alone), so the work moved off the inference path stays in view. For comparison it also times
 * the three back to back on a reused frame with warm caches ({@code *_warm_*}).
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
            long shrunk = rig.frames().framesShrunk();
            long reused = rig.frames().framesReused();
            long[][] warm = measureWarm(rig);
            long[] shrink = Arrays.copyOfRange(rig.shrinkNanos(), WARM_UP, WARM_UP + 3 * iterations);
            long[] copy = Arrays.copyOfRange(rig.copyNanos(), WARM_UP, WARM_UP + 3 * iterations);
            report(rig, t, warm, shrink, copy, new long[] {shrunk, reused});
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
            long d = timed(rig, which);
            if (i >= 0) {
                t[which][i / 3] = d;
            }
        }
        return t;
    }

    /** Nanoseconds of one call: 0 the runtime's whole step, 1 a bare {@code OrtSession.run}, 2 one into pinned outputs. */
    private static long timed(PolicyBenchRig rig, int which) throws Exception {
        long a = System.nanoTime();
        if (which == 0) {
            rig.runtime();
        } else if (which == 1) {
            rig.bare();
        } else {
            rig.barePinned();
        }
        return System.nanoTime() - a;
    }

    /**
     * The same three back to back on the frame already there (warm caches, the frame reused), as
     * microbenchmarks usually measure: for comparison only.
     */
    private long[][] measureWarm(PolicyBenchRig rig) throws Exception {
        long[][] t = new long[3][iterations];
        for (int i = -WARM_UP; i < iterations; i++) {
            rig.nextObservation();
            for (int j = 0; j < 3; j++) {
                int which = Math.floorMod(i + j, 3);
                long d = timed(rig, which);
                if (i >= 0) {
                    t[which][i] = d;
                }
            }
        }
        return t;
    }

    /** @param counts frames shrunk and reused during the timed phase */
    private void report(PolicyBenchRig rig, long[][] t, long[][] warm, long[] shrink, long[] copy, long[] counts) {
        double p50Full = p50(t[0]);
        double p50Bare = p50(t[1]);
        double p50Pinned = p50(t[2]);
        double[] load = BenchControlCommand.loadAverage();
        spec.commandLine().getErr().printf(Locale.ROOT, "runtime mean %.1f us, bare OrtSession.run mean %.1f us; "
                + "the frame source shrinks a %dx%d frame in %.1f us (median) on its own thread%n", mean(t[0]) / 1e3,
                mean(t[1]) / 1e3, frameWidth, frameHeight, p50(shrink) / 1e3);
        StringBuilder j = new StringBuilder("{\"bench\":\"policy\",\"iterations\":" + t[0].length);
        us(j, "runtime_us_p50", p50Full);
        us(j, "bare_us_p50", p50Bare);
        us(j, "bare_pinned_us_p50", p50Pinned);
        us(j, "runtime_us_mean", mean(t[0]));
        us(j, "bare_us_mean", mean(t[1]));
        us(j, "overhead_us_p50", p50Full - p50Bare);
        ratio(j, "overhead_ratio_mean", mean(t[0]) / mean(t[1]));
        ratio(j, "overhead_ratio_vs_pinned", p50Full / p50Pinned);
        us(j, "runtime_warm_us_p50", p50(warm[0]));
        us(j, "bare_warm_us_p50", p50(warm[1]));
        us(j, "bare_pinned_warm_us_p50", p50(warm[2]));
        ratio(j, "overhead_ratio_warm", p50(warm[0]) / p50(warm[1]));
        j.append(",\"frame\":\"").append(frameWidth).append('x').append(frameHeight).append("\",\"cameras\":")
                .append(rig.cameraCount());
        us(j, "shrink_us_p50", p50(shrink));
        us(j, "shrink_us_mean", mean(shrink));
        us(j, "frame_copy_us_p50", p50(copy));
        j.append(",\"frames_shrunk\":").append(counts[0]).append(",\"frames_reused\":").append(counts[1])
                .append(",\"active_chunks\":").append(rig.activeChunks());
        j.append(String.format(Locale.ROOT, ",\"load_average_1m\":%.2f", load[0]));
        // the median ratio is the headline: on a shared machine, preemption outliers dominate the means
        ratio(j, "overhead_ratio", p50Full / p50Bare);
        spec.commandLine().getOut().println(j.append('}'));
        spec.commandLine().getOut().flush();
    }

    private static void us(StringBuilder j, String key, double nanos) {
        j.append(String.format(Locale.ROOT, ",\"%s\":%.1f", key, nanos / 1e3));
    }

    private static void ratio(StringBuilder j, String key, double r) {
        j.append(String.format(Locale.ROOT, ",\"%s\":%.4f", key, r));
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
