package studio.tandem.app.cli;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import studio.tandem.autonomy.loop.LoopLayout;
import studio.tandem.autonomy.loop.Observation;
import studio.tandem.autonomy.policy.HandPolicies;
import studio.tandem.autonomy.policy.ManifestInput;
import studio.tandem.autonomy.policy.OnnxNames;
import studio.tandem.autonomy.policy.PolicyManifest;
import studio.tandem.autonomy.policy.PolicyRuntime;
import studio.tandem.autonomy.station.StationFrames;
import studio.tandem.dataset.time.ManualClock;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.robot.CameraFrame;

/**
 * What {@code bench policy} times, wired as the studio wires a policy ({@link HandPolicies#wire}):
 * bench cameras publishing full frames and {@link StationFrames} shrinking them on a frame thread of
 * their own; the policy worker's step (observation, the runtime's inference, the chunk queued) and the
 * controller's chunk pick-up and ensembling, in simulated time advancing one inference period per
 * step (so as many chunks overlap as at the manifest's rates); beside them a bare
 * {@code OrtSession.run} on the runtime's own input tensors. Before each timed call the frame thread
 * delivers a new frame. Bench thread, except the frame thread's own part.
 */
final class PolicyBenchRig implements AutoCloseable {
    static final String INSTRUCTION = "pinch the red cube";
    private static final int ARM_DOF = 6;

    private final PolicyRuntime rt;
    private final List<BenchCamera> cameras;
    private final StationFrames frames;
    private final HandPolicies.Wiring wiring;
    private final ManualClock clock = new ManualClock(1_000_000_000L);
    private final long periodNanos;
    private final Observation observation;
    private final CameraFrame copyProbe;
    private final double[] action;
    private final long[] shrinkNanos;
    private final long[] copyNanos;
    private final Thread feeder;
    private volatile int requested;
    private volatile int delivered;
    private volatile boolean running = true;

    /** @param frameCount how many frames the bench will ask for */
    PolicyBenchRig(PolicyRuntime rt, int width, int height, int frameCount) {
        this.rt = rt;
        PolicyManifest m = rt.manifest();
        List<ManifestInput.Camera> inputs = rt.inputs().cameras();
        this.cameras = BenchCamera.forInputs(inputs, width, height);
        this.frames = new StationFrames(List.copyOf(cameras), inputs, NanoClock.SYSTEM);
        LoopLayout layout = layout(m);
        this.wiring = HandPolicies.wire(rt, layout, frames, clock);
        this.periodNanos = Math.round(1e9 / m.inferenceHz());
        this.observation = new Observation(layout);
        Arrays.fill(observation.joints(), 0.1);
        Arrays.fill(observation.commanded(), 0.1);
        Arrays.fill(observation.tactile(), 0.1);
        this.action = new double[layout.joints()];
        this.copyProbe = cameras.isEmpty() ? null : new CameraFrame(width, height);
        this.shrinkNanos = new long[frameCount];
        this.copyNanos = new long[frameCount];
        this.feeder = new Thread(this::feed, "bench-policy-frames");
        feeder.setDaemon(true);
        feeder.start();
    }

    /** A station with the policy's group sized to its actions and the other group of 6 (or 1) joints. */
    private static LoopLayout layout(PolicyManifest m) {
        int tactile = 0;
        for (ManifestInput in : m.inputs()) {
            if (in instanceof ManifestInput.Vector v && v.tensor().equals(OnnxNames.TACTILE)) {
                tactile = v.length();
            }
        }
        boolean hand = m.action().group().equals("hand");
        return hand ? new LoopLayout(ARM_DOF, m.action().dim(), tactile) : new LoopLayout(m.action().dim(), 1, tactile);
    }

    int cameraCount() {
        return cameras.size();
    }

    /**
     * The control thread's part between two inferences (not timed): one inference period later, it
     * publishes a new observation.
     */
    void nextObservation() {
        clock.advanceNanos(periodNanos);
        observation.stampNanos(clock.nanoTime());
        wiring.controller().observe(clock.nanoTime(), observation, INSTRUCTION);
    }

    /**
     * The frame thread publishes a new frame on every camera and shrinks it; returns once it has.
     *
     * @throws IllegalStateException when the frame thread does not deliver within 10 s
     */
    void nextFrame() {
        int want = requested + 1;
        requested = want;
        LockSupport.unpark(feeder);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (delivered < want) {
            if (System.nanoTime() > deadline || !feeder.isAlive()) {
                throw new IllegalStateException("bench policy: the frame thread delivered no frame within 10 s");
            }
            Thread.onSpinWait();
        }
    }

    private void feed() {
        int k = 0;
        while (running) {
            if (requested == k) {
                LockSupport.parkNanos(1_000_000L);
                continue;
            }
            for (BenchCamera c : cameras) {
                c.publish(k, System.nanoTime());
            }
            long c0 = System.nanoTime();
            if (copyProbe != null) {
                cameras.get(0).readLatest(copyProbe);
            }
            long c1 = System.nanoTime();
            int n = frames.shrinkNew();
            long c2 = System.nanoTime();
            if (k < shrinkNanos.length) {
                copyNanos[k] = c1 - c0;
                shrinkNanos[k] = (c2 - c1) / Math.max(1, n);
            }
            k++;
            delivered = k;
        }
    }

    /** Per frame delivered: the frame thread's read and shrink of one camera frame, ns. */
    long[] shrinkNanos() {
        return shrinkNanos;
    }

    /** Per frame delivered: the camera interface's copy of one full frame alone, ns. */
    long[] copyNanos() {
        return copyNanos;
    }

    /**
     * The policy thread's step as the studio runs it (observation, inference on the frame source's
     * images, chunk queued) and the control thread's pick-up and ensembling of the chunk.
     *
     * @throws IllegalStateException when the inference failed or queued nothing
     */
    void runtime() {
        if (!wiring.worker().step()) {
            throw new IllegalStateException("bench policy: the policy step queued no chunk ("
                    + wiring.worker().failures() + " failed inferences; see the log)");
        }
        wiring.controller().actionAt(clock.nanoTime(), action);
    }

    /** A bare {@code OrtSession.run} on the runtime's input tensors (ONNX Runtime allocates the outputs). */
    void bare() throws OrtException {
        try (OrtSession.Result r = rt.session().run(rt.preparedTensors())) {
            if (r.size() == 0) {
                throw new IllegalStateException("no outputs");
            }
        }
    }

    /** A bare {@code OrtSession.run} into the runtime's pinned output tensors. */
    void barePinned() throws OrtException {
        try (OrtSession.Result r = rt.session().run(rt.preparedTensors(), rt.pinnedOutputs())) {
            if (r.size() == 0) {
                throw new IllegalStateException("no outputs");
            }
        }
    }

    StationFrames frames() {
        return frames;
    }

    /** Chunks the ensembling held at the last step (as many as overlap at the manifest's rates). */
    int activeChunks() {
        return wiring.controller().scheduler().activeChunks();
    }

    /** Stops the frame thread. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(feeder);
        try {
            feeder.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
