package studio.tandem.recorder.synthetic;

import java.util.ArrayList;
import java.util.List;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.time.NanoClock;
import studio.tandem.recorder.episode.Recorder;

/**
 * A station made of synthetic sources feeding a {@link Recorder}: {@code cameras} barcode cameras
 * ({@code observation.images.cam<i>}, each on its own thread at its own rate) plus a 6-joint
 * {@code observation.state} and {@code action} at {@code vectorHz}, each on its own thread. Declare it
 * before {@link Recorder#open()}, then {@link #start()} / {@link #stop()} the producer threads.
 */
public final class SyntheticStation implements AutoCloseable {
    public static final List<String> JOINTS = List.of("j0", "j1", "j2", "j3", "j4", "j5");

    private final List<Runnable> sources = new ArrayList<>();
    private final List<SyntheticCamera> cams = new ArrayList<>();
    private final List<SyntheticVector> vecs = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    /**
     * @param cameraFps the cameras' own rates (one per camera)
     */
    public SyntheticStation(Recorder recorder, NanoClock clock, int width, int height, double[] cameraFps,
            double vectorHz) {
        for (int i = 0; i < cameraFps.length; i++) {
            var in = recorder.addCamera(VisualFeature.video("observation.images.cam" + i, width, height));
            cams.add(new SyntheticCamera(in, cameraFps[i], clock));
        }
        vecs.add(new SyntheticVector(recorder.addVector(VectorFeature.float32("observation.state", JOINTS)),
                vectorHz, clock));
        vecs.add(new SyntheticVector(recorder.addVector(VectorFeature.float32("action", JOINTS)), vectorHz, clock));
        sources.addAll(cams);
        sources.addAll(vecs);
    }

    /** Starts one thread per source. */
    public void start() {
        int i = 0;
        for (Runnable r : sources) {
            Thread t = new Thread(r, "synthetic-" + i++);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    /** Frames published by each camera so far. */
    public long[] published() {
        long[] out = new long[cams.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cams.get(i).published();
        }
        return out;
    }

    /** Per camera, the largest delay of a capture behind its schedule (ns). */
    public long[] maxLatenessNanos() {
        long[] out = new long[cams.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cams.get(i).maxLatenessNanos();
        }
        return out;
    }

    /** Stops the source threads and waits for them. */
    public void stop() {
        cams.forEach(SyntheticCamera::stop);
        vecs.forEach(SyntheticVector::stop);
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public void close() {
        stop();
    }
}
