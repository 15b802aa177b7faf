package studio.tandem.autonomy.policy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The policy pipeline as it was before frames were shrunk where the camera delivers them (commit
 * 5b8b83f): the full frame resized and normalised on the policy thread, each input normalised through
 * {@link FeatureStats}, a plain {@code session.run}, the chunk de-normalised per value. Tests compare
 * the current inference path with it.
 */
public final class LegacyPipeline {
    private LegacyPipeline() {
    }

    /** The former {@code ImagePreprocessor.apply}: tap table, sums, {@code sum · (scale / n) − offset}. */
    public static float[] image(ManifestInput.Camera spec, ImageFrame frame) {
        int w = spec.width();
        int h = spec.height();
        int fw = frame.width();
        int[] crop = spec.crop();
        int cx = crop == null ? 0 : crop[0];
        int cy = crop == null ? 0 : crop[1];
        int cw = crop == null ? fw : Math.min(crop[2], fw - cx);
        int ch = crop == null ? frame.height() : Math.min(crop[3], frame.height() - cy);
        int t = Math.max(1, Math.min(3, Math.min(cw / w, ch / h)));
        int[] xs = taps(cx, cw, w, t);
        int[] ys = taps(cy, ch, h, t);
        float[] planes = new float[3 * w * h];
        int n = t * t;
        int plane = w * h;
        for (int c = 0; c < 3; c++) {
            float scale = (float) (1.0 / (255.0 * spec.std()[c]));
            float offset = (float) (spec.mean()[c] / spec.std()[c]);
            float s = scale / n;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sum = 0;
                    for (int j = 0; j < t; j++) {
                        for (int i = 0; i < t; i++) {
                            sum += frame.rgb()[(ys[y * t + j] * fw + xs[x * t + i]) * 3 + c] & 0xff;
                        }
                    }
                    planes[c * plane + y * w + x] = sum * s - offset;
                }
            }
        }
        return planes;
    }

    private static int[] taps(int start, int span, int n, int taps) {
        int[] out = new int[n * taps];
        for (int o = 0; o < n; o++) {
            for (int t = 0; t < taps; t++) {
                double pos = (o + (t + 0.5) / taps) * span / n;
                out[o * taps + t] = start + Math.min(span - 1, (int) pos);
            }
        }
        return out;
    }

    /**
     * Runs {@code rt}'s session on one camera frame per camera input, the vectors (dataset units) and
     * the instruction, the former way; returns the de-normalised chunk.
     */
    public static double[] infer(PolicyRuntime rt, Map<String, ImageFrame> frames, Map<String, double[]> vectors,
            String instruction) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        PolicyManifest m = rt.manifest();
        Map<String, OnnxTensor> in = new HashMap<>();
        try {
            for (ManifestInput input : m.inputs()) {
                in.put(input.tensor(), tensor(env, m, input, frames, vectors, instruction));
            }
            try (OrtSession.Result r = rt.session().run(in)) {
                float[][][] z = (float[][][]) r.get(m.action().tensor()).get().getValue();
                FeatureStats a = m.statsFor(m.action().feature(), m.action().dim());
                double[] out = new double[m.action().horizon() * m.action().dim()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = a.denormalize(i % m.action().dim(), z[0][i / m.action().dim()][i % m.action().dim()]);
                }
                return out;
            }
        } finally {
            in.values().forEach(OnnxTensor::close);
        }
    }

    private static OnnxTensor tensor(OrtEnvironment env, PolicyManifest m, ManifestInput input,
            Map<String, ImageFrame> frames, Map<String, double[]> vectors, String instruction) throws Exception {
        if (input instanceof ManifestInput.Camera c) {
            return OnnxTensor.createTensor(env, FloatBuffer.wrap(image(c, frames.get(c.feature()))), c.shape());
        }
        if (input instanceof ManifestInput.Vector v) {
            FeatureStats s = m.statsFor(v.feature(), v.length());
            float[] x = new float[v.length()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) s.normalize(i, vectors.get(v.feature())[i]);
            }
            return OnnxTensor.createTensor(env, FloatBuffer.wrap(x), v.shape());
        }
        ManifestInput.Tokens t = (ManifestInput.Tokens) input;
        long[] ids = new long[t.maxTokens()];
        new Tokenizer(t.vocabulary(), t.maxTokens()).encode(instruction, ids);
        return OnnxTensor.createTensor(env, LongBuffer.wrap(ids), t.shape());
    }
}
