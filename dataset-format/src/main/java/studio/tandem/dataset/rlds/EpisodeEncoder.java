package studio.tandem.dataset.rlds;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import studio.tandem.dataset.feature.DType;
import studio.tandem.dataset.feature.TextFeature;
import studio.tandem.dataset.feature.VectorFeature;

/**
 * Turns one {@link SourceEpisode} into one serialized {@code tf.train.Example} with flattened
 * {@code steps/...} keys: float32 lists row-major, bools as int64 0/1, one JPEG per step per
 * camera, the instruction per step, and {@code episode_metadata/...}. One JPEG encoder per camera
 * is kept across episodes. Called from one thread; the cameras of an episode are read and encoded
 * in parallel on the given executor (each camera's cursor and encoder used by one task at a time).
 */
final class EpisodeEncoder implements AutoCloseable {
    private final RldsLayout layout;
    private final JpegEncoder[] jpeg;
    private final Executor executor;

    /**
     * @param executor runs one frame-encoding task per camera per episode
     */
    EpisodeEncoder(RldsLayout layout, float jpegQuality, Executor executor) {
        this.layout = layout;
        this.executor = executor;
        this.jpeg = new JpegEncoder[layout.cameras().size()];
        for (int i = 0; i < jpeg.length; i++) {
            RldsLayout.Camera c = layout.cameras().get(i);
            jpeg[i] = new JpegEncoder(c.width(), c.height(), jpegQuality);
        }
    }

    /** The serialized Example of {@code ep}. */
    byte[] encode(SourceEpisode ep) throws IOException {
        int n = ep.length();
        if (n < 1) {
            throw new IOException(ep.filePath() + ": episode " + ep.episodeIndex() + " has no frames");
        }
        List<FutureTask<List<byte[]>>> images = startCameras(ep, n);
        try {
            TfExample ex = new TfExample();
            putVector(ex, "steps/observation/state", ep, layout.state(), n);
            putVector(ex, "steps/action", ep, layout.action(), n);
            putFlags(ex, ep, n);
            ex.strings("steps/language_instruction", checked(ep, "task", ep.instructions(), n));
            for (RldsLayout.Extra e : layout.extras()) {
                putExtra(ex, ep, e, n);
            }
            for (int c = 0; c < jpeg.length; c++) {
                ex.bytes("steps/observation/" + layout.cameras().get(c).name(), await(images.get(c)));
            }
            ex.strings("episode_metadata/file_path", List.of(ep.filePath()));
            ex.int64s("episode_metadata/episode_index", new long[] {ep.episodeIndex()}, 1);
            return ex.toByteArray();
        } catch (IOException | RuntimeException e) {
            drain(images);
            throw e;
        }
    }

    /** Waits until every camera task has stopped, so no encoder is still in use after a failure. */
    private static void drain(List<FutureTask<List<byte[]>>> tasks) {
        for (FutureTask<List<byte[]>> t : tasks) {
            try {
                t.get();
            } catch (ExecutionException ignored) {
                // the first failure is the one reported
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** is_first/is_last/is_terminal, reward and discount. */
    private static void putFlags(TfExample ex, SourceEpisode ep, int n) {
        boolean terminal = ep.success().orElse(Boolean.TRUE);
        boolean[] first = new boolean[n];
        boolean[] last = new boolean[n];
        boolean[] term = new boolean[n];
        float[] reward = new float[n];
        float[] discount = new float[n];
        java.util.Arrays.fill(discount, 1f);
        first[0] = true;
        last[n - 1] = true;
        term[n - 1] = terminal;
        reward[n - 1] = terminal ? 1f : 0f;
        ex.bools("steps/is_first", first, n);
        ex.bools("steps/is_last", last, n);
        ex.bools("steps/is_terminal", term, n);
        ex.floats("steps/reward", reward, n);
        ex.floats("steps/discount", discount, n);
    }

    private static void putVector(TfExample ex, String key, SourceEpisode ep, VectorFeature f, int n)
            throws IOException {
        double[] v = numbers(ep, f, n);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        ex.floats(key, out, out.length);
    }

    private static void putExtra(TfExample ex, SourceEpisode ep, RldsLayout.Extra e, int n) throws IOException {
        String key = "steps/" + e.name();
        if (e.source() instanceof TextFeature t) {
            ex.strings(key, checked(ep, t.name(), ep.texts(t), n));
            return;
        }
        VectorFeature f = (VectorFeature) e.source();
        double[] v = numbers(ep, f, n);
        if (f.dtype() == DType.BOOL || f.dtype() == DType.INT64) {
            long[] out = new long[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = f.dtype() == DType.BOOL ? (v[i] != 0 ? 1 : 0) : (long) v[i];
            }
            ex.int64s(key, out, out.length);
        } else {
            putVector(ex, key, ep, f, n);
        }
    }

    private static double[] numbers(SourceEpisode ep, VectorFeature f, int n) throws IOException {
        double[] v = ep.numbers(f);
        if (v.length != (long) n * f.length()) {
            throw new IOException(ep.filePath() + ": episode " + ep.episodeIndex() + ": column '" + f.name()
                    + "' has " + v.length + " values, expected " + n + " steps x " + f.length());
        }
        return v;
    }

    private static List<String> checked(SourceEpisode ep, String what, List<String> v, int n) throws IOException {
        if (v.size() != n) {
            throw new IOException(ep.filePath() + ": episode " + ep.episodeIndex() + ": '" + what + "' has "
                    + v.size() + " values, expected " + n);
        }
        return v;
    }

    private List<FutureTask<List<byte[]>>> startCameras(SourceEpisode ep, int n) {
        List<FutureTask<List<byte[]>>> tasks = new ArrayList<>(jpeg.length);
        for (int c = 0; c < jpeg.length; c++) {
            int cam = c;
            FutureTask<List<byte[]>> t = new FutureTask<>(() -> frames(ep, cam, n));
            tasks.add(t);
            executor.execute(t);
        }
        return tasks;
    }

    /** The result of a camera task; waits for it (and for the others when one failed). */
    private static List<byte[]> await(FutureTask<List<byte[]>> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while encoding images");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    private List<byte[]> frames(SourceEpisode ep, int c, int n) throws IOException {
        RldsLayout.Camera cam = layout.cameras().get(c);
        List<byte[]> out = new ArrayList<>(n);
        try (FrameCursor cursor = ep.frames(cam.source())) {
            for (int i = 0; i < n; i++) {
                BufferedImage img = cursor.next();
                if (img == null) {
                    throw new IOException(ep.filePath() + ": episode " + ep.episodeIndex() + ": camera '"
                            + cam.source().name() + "' has " + i + " frames, expected " + n);
                }
                out.add(jpeg[c].encode(img));
            }
        }
        return out;
    }

    @Override
    public void close() {
        for (JpegEncoder j : jpeg) {
            j.close();
        }
    }
}
