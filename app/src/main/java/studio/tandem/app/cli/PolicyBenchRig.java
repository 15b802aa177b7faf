package studio.tandem.app.cli;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import studio.tandem.autonomy.policy.ChunkScheduler;
import studio.tandem.autonomy.policy.ManifestInput;
import studio.tandem.autonomy.policy.ObservationSlot;
import studio.tandem.autonomy.policy.OnnxNames;
import studio.tandem.autonomy.policy.PolicyManifest;
import studio.tandem.autonomy.policy.PolicyRuntime;
import studio.tandem.autonomy.policy.RuntimePredictor;
import studio.tandem.autonomy.station.StationFrames;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.robot.CameraFrame;

/**
 * What {@code bench policy} times, built as the studio builds it: bench cameras publishing full
 * frames and {@link StationFrames} shrinking them on a frame thread of their own, the
 * {@link RuntimePredictor} the policy thread runs, and a {@link ChunkScheduler}; beside them a bare
 * {@code OrtSession.run} on the runtime's own input tensors. Before each inference the frame thread
 * delivers a new frame (as a 30 fps camera does before a 10 Hz policy), timing its read and shrink.
 * Bench thread, except the frame thread's own part.
 */
final class PolicyBenchRig implements AutoCloseable {
    static final String INSTRUCTION = "pinch the red cube";

    private final PolicyRuntime rt;
    private final List<BenchCamera> cameras;
    private final StationFrames frames;
    private final RuntimePredictor predictor;
    private final ObservationSlot.Snapshot snapshot;
    private final ChunkScheduler scheduler;
    private final CameraFrame copyProbe;
    private final double[] chunk;
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
        ManifestInput.Vector state = vector(m, OnnxNames.STATE);
        if (state == null) {
            throw new UserError("policy " + m.model() + ": no vector input named '" + OnnxNames.STATE + "'");
        }
        ManifestInput.Vector tactile = vector(m, OnnxNames.TACTILE);
        int tactileDim = tactile == null ? 0 : tactile.length();
        this.predictor = new RuntimePredictor(rt, frames, state.feature(), 0,
                tactile == null ? null : tactile.feature());
        ObservationSlot slot = new ObservationSlot(state.length(), tactileDim);
        double[] joints = new double[state.length()];
        Arrays.fill(joints, 0.1);
        double[] touch = new double[tactileDim];
        Arrays.fill(touch, 0.1);
        slot.write(0, joints, touch, joints, INSTRUCTION);
        this.snapshot = slot.newSnapshot();
        slot.read(snapshot);
        int dim = m.action().dim();
        double[] ones = new double[dim];
        Arrays.fill(ones, 1);
        this.scheduler = new ChunkScheduler(m.action().horizon(), dim, m.actionFps(), 16, 0.01, ones);
        this.copyProbe = cameras.isEmpty() ? null : new CameraFrame(width, height);
        this.chunk = new double[m.action().horizon() * dim];
        this.action = new double[dim];
        this.shrinkNanos = new long[frameCount];
        this.copyNanos = new long[frameCount];
        this.feeder = new Thread(this::feed, "bench-policy-frames");
        feeder.setDaemon(true);
        feeder.start();
    }

    private static ManifestInput.Vector vector(PolicyManifest m, String tensor) {
        for (ManifestInput in : m.inputs()) {
            if (in instanceof ManifestInput.Vector v && v.tensor().equals(tensor)) {
                return v;
            }
        }
        return null;
    }

    int cameraCount() {
        return cameras.size();
    }

    /**
     * Has the frame thread publish a new frame on every camera and shrink it, and waits until it has.
     *
     * @throws IllegalStateException when the frame thread does not deliver within 10 s
     */
    void deliverFrame() {
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

    /** The policy thread's inference plus the control thread's chunk scheduling, as the studio runs them. */
    void runtime() throws Exception {
        long now = System.nanoTime();
        predictor.predict(snapshot, chunk);
        scheduler.add(now, chunk, now);
        scheduler.actionAt(now, action, 0);
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
