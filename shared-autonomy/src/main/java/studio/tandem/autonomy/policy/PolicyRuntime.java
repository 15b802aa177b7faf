package studio.tandem.autonomy.policy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy model loaded with ONNX Runtime and checked against its manifest. {@link #infer} normalises
 * {@link #inputs()} (camera images arrive already shrunk, see {@link PolicyFrames}) into preallocated
 * direct buffers that back the input tensors (created once), runs the session into pinned output
 * tensors over preallocated direct buffers and writes the de-normalised action chunk, with every
 * normalisation constant precomputed. Nothing of ours is allocated per call (ONNX Runtime's Java
 * {@code run} itself allocates its name/handle arrays and {@code Result}, ~430 bytes in 1.20).
 * Policy thread only; not thread-safe.
 */
public final class PolicyRuntime implements AutoCloseable {
    private final PolicyManifest manifest;
    private final OrtSession session;
    private final Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
    private final List<Runnable> fillers = new ArrayList<>();
    private final PolicyInputs inputs;
    /** Per chunk value (horizon × dim): de-normalisation z · scale + mean of its action dimension. */
    private final double[] actionScale;
    private final double[] actionMean;
    private final TextEmbedder embedder;
    private final FloatBuffer actionOut;
    private final FloatBuffer failureOut;
    private final Map<String, OnnxTensor> outputs = new LinkedHashMap<>();
    private String tokenized;

    private PolicyRuntime(PolicyManifest manifest, OrtSession session, OrtEnvironment env, TextEmbedder embedder)
            throws OrtException {
        this.manifest = manifest;
        this.session = session;
        this.embedder = embedder;
        this.inputs = new PolicyInputs(manifest);
        FeatureStats actionStats = manifest.statsFor(manifest.action().feature(), manifest.action().dim());
        int dim = manifest.action().dim();
        this.actionScale = new double[manifest.action().horizon() * dim];
        this.actionMean = new double[actionScale.length];
        for (int i = 0; i < actionScale.length; i++) {
            actionScale[i] = actionStats.scale(i % dim);
            actionMean[i] = actionStats.mean()[i % dim];
        }
        for (ManifestInput in : manifest.inputs()) {
            prepare(in, env);
        }
        this.actionOut = direct(manifest.action().horizon() * manifest.action().dim());
        outputs.put(manifest.action().tensor(), OnnxTensor.createTensor(env, actionOut, manifest.action().shape()));
        this.failureOut = manifest.failureTensor() == null ? null : direct(1);
        if (failureOut != null) {
            outputs.put(manifest.failureTensor(), OnnxTensor.createTensor(env, failureOut, new long[] {1, 1}));
        }
    }

    /**
     * Loads {@code manifest.json} and the model beside it.
     *
     * @param embedder required when the manifest declares a {@code text_embedding} input, else may be null
     * @throws IllegalArgumentException naming the file, tensor and shapes when they do not match
     */
    public static PolicyRuntime load(Path manifestFile, OrtEnvironment env, TextEmbedder embedder)
            throws IOException {
        PolicyManifest m = ManifestJson.read(manifestFile);
        Path model = manifestFile.toAbsolutePath().resolveSibling(m.model());
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException(manifestFile + ": model: no such file " + model);
        }
        if (embedder == null && m.inputs().stream().anyMatch(i -> i instanceof ManifestInput.Embedding)) {
            throw new IllegalArgumentException(manifestFile + ": declares a text_embedding input but no text "
                    + "embedder is configured");
        }
        OrtSession session = null;
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(1);
            opts.setInterOpNumThreads(1);
            session = env.createSession(model.toString(), opts);
            ModelCheck.check(model.getFileName().toString(), session, m);
            return new PolicyRuntime(m, session, env, embedder);
        } catch (OrtException e) {
            closeQuietly(session);
            throw new IllegalArgumentException(model + ": ONNX Runtime cannot load it: " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    private static void closeQuietly(OrtSession s) {
        if (s != null) {
            try {
                s.close();
            } catch (OrtException ignored) {
                // nothing more to release
            }
        }
    }

    private void prepare(ManifestInput in, OrtEnvironment env) throws OrtException {
        long[] shape = in.shape();
        int size = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (in instanceof ManifestInput.Tokens t) {
            LongBuffer buf = ByteBuffer.allocateDirect(size * 8).order(ByteOrder.nativeOrder()).asLongBuffer();
            tensors.put(in.tensor(), OnnxTensor.createTensor(env, buf, shape));
            Tokenizer tok = new Tokenizer(t.vocabulary(), t.maxTokens());
            long[] ids = new long[t.maxTokens()];
            fillers.add(() -> tokens(tok, ids, buf));
            return;
        }
        FloatBuffer buf = ByteBuffer.allocateDirect(size * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
        tensors.put(in.tensor(), OnnxTensor.createTensor(env, buf, shape));
        if (in instanceof ManifestInput.Camera c) {
            ImagePreprocessor pre = new ImagePreprocessor(c);
            ShrunkFrame image = inputs.image(c.feature());
            fillers.add(() -> {
                buf.position(0);
                pre.normalize(image, buf);
            });
        } else if (in instanceof ManifestInput.Vector v) {
            FeatureStats stats = manifest.statsFor(v.feature(), v.length());
            double[] values = inputs.vector(v.feature());
            double[] mean = new double[v.length()];
            double[] scale = new double[v.length()];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = stats.mean()[i];
                scale[i] = stats.scale(i);
            }
            fillers.add(() -> {
                for (int i = 0; i < values.length; i++) {
                    buf.put(i, (float) ((values[i] - mean[i]) / scale[i]));
                }
            });
        } else if (in instanceof ManifestInput.Embedding e) {
            float[] emb = new float[e.dim()];
            fillers.add(() -> {
                embedder.embed(inputs.instruction(), emb);
                buf.put(0, emb);
            });
        }
    }

    private void tokens(Tokenizer tok, long[] ids, LongBuffer buf) {
        String text = inputs.instruction();
        if (text.equals(tokenized)) {
            return;
        }
        tok.encode(text, ids);
        buf.put(0, ids);
        tokenized = text;
    }

    /** The input slots to fill before {@link #infer}. */
    public PolicyInputs inputs() {
        return inputs;
    }

    public PolicyManifest manifest() {
        return manifest;
    }

    /**
     * Preprocesses {@link #inputs()}, runs the model and writes the chunk (horizon × dim, row-major,
     * in the action feature's units) into {@code out}.
     *
     * @return the model's failure score, or NaN when it declares none
     */
    public double infer(double[] out) throws OrtException {
        for (int i = 0; i < fillers.size(); i++) {
            fillers.get(i).run();
        }
        return runAndDecode(out);
    }

    /** Runs into the pinned output tensors (ONNX Runtime writes straight into our direct buffers). */
    private double runAndDecode(double[] out) throws OrtException {
        try (OrtSession.Result r = session.run(tensors, outputs)) {
            for (int i = 0; i < actionMean.length; i++) {
                out[i] = actionOut.get(i) * actionScale[i] + actionMean[i];
            }
            return failureOut == null ? Double.NaN : failureOut.get(0);
        }
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** The session and the prepared input tensors, for measuring a bare {@code session.run}. */
    public OrtSession session() {
        return session;
    }

    public Map<String, OnnxTensor> preparedTensors() {
        return tensors;
    }

    /** The pinned output tensors {@link #infer} runs into, for measuring a bare pinned {@code session.run}. */
    public Map<String, OnnxTensor> pinnedOutputs() {
        return outputs;
    }

    @Override
    public void close() {
        for (OnnxTensor t : tensors.values()) {
            t.close();
        }
        for (OnnxTensor t : outputs.values()) {
            t.close();
        }
        closeQuietly(session);
    }
}
