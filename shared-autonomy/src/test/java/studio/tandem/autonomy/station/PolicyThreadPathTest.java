package studio.tandem.autonomy.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.tandem.autonomy.loop.LoopLayout;
import studio.tandem.autonomy.loop.Observation;
import studio.tandem.autonomy.policy.HandPolicies;
import studio.tandem.autonomy.policy.LegacyPipeline;
import studio.tandem.autonomy.policy.ObservationSlot;
import studio.tandem.autonomy.policy.PolicyRuntime;
import studio.tandem.autonomy.policy.RuntimePredictor;
import studio.tandem.dataset.time.NanoClock;

/**
 * The shipped hand policy as the policy thread runs it: a 640×480 wrist camera shrunk by
 * {@link StationFrames}, then {@link RuntimePredictor#predict}.
 */
class PolicyThreadPathTest {
    private static final Path MANIFEST = Path.of("..", "models", "hand_policy.json");
    private static final String STATE = "observation.hand.command";
    private static final String TACTILE = "observation.hand.tactile";
    private static final int ARM = 6;

    private static double[] predict(RuntimePredictor p, ObservationSlot slot, ObservationSlot.Snapshot snap,
            double[] hand, double[] tactile, String text) throws Exception {
        double[] joints = new double[ARM + hand.length];
        System.arraycopy(hand, 0, joints, ARM, hand.length);
        slot.write(1, joints, tactile, joints, text);
        slot.read(snap);
        double[] chunk = new double[120];
        p.predict(snap, chunk);
        return chunk;
    }

    @Test
    void framesShrunkWhereTheCameraDeliversThemGiveBitForBitThePreviousActions() throws Exception {
        assumeTrue(Files.isRegularFile(MANIFEST), "no shipped policy at " + MANIFEST.toAbsolutePath());
        try (PolicyRuntime rt = PolicyRuntime.load(MANIFEST, OrtEnvironment.getEnvironment(), null)) {
            PatternCamera wrist = new PatternCamera("wrist", 640, 480);
            StationFrames frames = new StationFrames(List.of(wrist), rt.inputs().cameras(), NanoClock.SYSTEM);
            RuntimePredictor p = new RuntimePredictor(rt, frames, STATE, ARM, TACTILE);
            ObservationSlot slot = new ObservationSlot(ARM + 12, 4);
            ObservationSlot.Snapshot snap = slot.newSnapshot();
            for (long k = 1; k <= 3; k++) {
                wrist.publish();
                frames.shrinkNew();
                double[] hand = new double[12];
                Arrays.fill(hand, 0.2 * k);
                double[] tactile = {0.5 * k, 0, 1, 2};
                String text = k == 2 ? "power grasp the green cylinder" : "pinch the red cube";
                double[] now = predict(p, slot, snap, hand, tactile, text);
                double[] before = LegacyPipeline.infer(rt,
                        Map.of("observation.images.wrist", StationFramesTest.frame(wrist, k)),
                        Map.of(STATE, hand, TACTILE, tactile), text);
                assertThat(now).as("frame %d", k).containsExactly(before);
            }
        }
    }

    @Test
    void theInferencePathAllocatesNothingBeyondOnnxRuntimesOwnRun() throws Exception {
        assumeTrue(Files.isRegularFile(MANIFEST), "no shipped policy at " + MANIFEST.toAbsolutePath());
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        try (PolicyRuntime rt = PolicyRuntime.load(MANIFEST, OrtEnvironment.getEnvironment(), null)) {
            PatternCamera wrist = new PatternCamera("wrist", 640, 480);
            StationFrames frames = new StationFrames(List.of(wrist), rt.inputs().cameras(), NanoClock.SYSTEM);
            RuntimePredictor p = new RuntimePredictor(rt, frames, STATE, ARM, TACTILE);
            ObservationSlot slot = new ObservationSlot(ARM + 12, 4);
            ObservationSlot.Snapshot snap = slot.newSnapshot();
            slot.write(1, new double[ARM + 12], new double[4], new double[ARM + 12], "pinch the red cube");
            slot.read(snap);
            wrist.publish();
            frames.shrinkNew();
            double[] chunk = new double[120];
            int n = 500;
            long ours = Long.MAX_VALUE;
            long ort = 0;
            for (int round = 0; round < 8; round++) {
                long t0 = mx.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < n; i++) {
                    p.predict(snap, chunk);
                }
                long t1 = mx.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < n; i++) {
                    try (OrtSession.Result r = rt.session().run(rt.preparedTensors(), rt.pinnedOutputs())) {
                        assertThat(r.size()).isEqualTo(1);
                    }
                }
                long t2 = mx.getCurrentThreadAllocatedBytes();
                ort = (t2 - t1) / n;
                ours = Math.min(ours, (t1 - t0) - (t2 - t1));
            }
            assertThat(ort).as("ONNX Runtime's own Java run allocates (arrays, Result)").isPositive();
            assertThat(ours).as("bytes our path allocated beyond %d per ONNX Runtime run, over %d inferences", ort, n)
                    .isLessThanOrEqualTo(0);
            assertThat(frames.framesReused()).as("the same frame served every inference").isEqualTo(8L * n - 1);
        }
    }

    @Test
    void wiredAsTheStudioWiresItThePolicyThreadRunsOnFramesItsFrameThreadShrinks() throws Exception {
        assumeTrue(Files.isRegularFile(MANIFEST), "no shipped policy at " + MANIFEST.toAbsolutePath());
        try (PolicyRuntime rt = PolicyRuntime.load(MANIFEST, OrtEnvironment.getEnvironment(), null)) {
            PatternCamera wrist = new PatternCamera("wrist", 640, 480);
            wrist.publish();
            StationFrames frames = new StationFrames(List.of(wrist), rt.inputs().cameras(), NanoClock.SYSTEM);
            LoopLayout layout = new LoopLayout(ARM, 12, 4);
            HandPolicies.Wiring w = HandPolicies.wire(rt, layout, frames, NanoClock.SYSTEM);
            Observation obs = new Observation(layout);
            w.worker().start();
            try {
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (w.worker().inferences() < 3 && System.nanoTime() < deadline) {
                    obs.stampNanos(System.nanoTime());
                    w.controller().observe(System.nanoTime(), obs, "pinch the red cube");
                    wrist.publish();
                    Thread.sleep(20);
                }
                assertThat(w.worker().inferences()).isGreaterThanOrEqualTo(3);
                assertThat(w.worker().failures()).as("the first inference found a frame too").isZero();
                assertThat(frames.framesShrunk()).isGreaterThanOrEqualTo(2);
                assertThat(threadAlive("tandem-policy-frames")).isTrue();
            } finally {
                w.worker().close();
            }
            assertThat(threadAlive("tandem-policy-frames")).as("closed with the worker").isFalse();
        }
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}
