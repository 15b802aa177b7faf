package studio.tandem.autonomy.train;

import java.util.Random;

/**
 * The default hand policy: bag-of-token embeddings + image + state + tactile → tanh → tanh →
 * linear action chunk. Parameters live in one flat vector (see {@link NetShape} offsets) so the
 * optimiser and the ONNX exporter share them. Forward and backward are exact and single-threaded.
 */
public final class HandPolicyNet {
    private final NetShape shape;
    private final double[] params;

    /** Per-sample activations, reused across calls. */
    public static final class Activations {
        final double[] x;
        final double[] h1;
        final double[] h2;
        final double[] y;

        public Activations(NetShape s) {
            x = new double[s.inputDim()];
            h1 = new double[s.hidden()];
            h2 = new double[s.hidden()];
            y = new double[s.outputDim()];
        }

        public double[] output() {
            return y;
        }
    }

    public HandPolicyNet(NetShape shape, long seed) {
        this.shape = shape;
        this.params = new double[shape.parameterCount()];
        Random r = new Random(seed);
        for (int i = shape.embedDim(); i < shape.vocabulary() * shape.embedDim(); i++) {
            params[i] = r.nextGaussian() * 0.5;
        }
        xavier(r, shape.w1Offset(), shape.inputDim(), shape.hidden());
        xavier(r, shape.w2Offset(), shape.hidden(), shape.hidden());
        xavier(r, shape.w3Offset(), shape.hidden(), shape.outputDim());
    }

    private void xavier(Random r, int offset, int fanIn, int fanOut) {
        double a = Math.sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < fanIn * fanOut; i++) {
            params[offset + i] = (r.nextDouble() * 2 - 1) * a;
        }
    }

    public NetShape shape() {
        return shape;
    }

    /** The live parameter vector (the optimiser updates it in place). */
    public double[] parameters() {
        return params;
    }

    /** Runs the network on one sample; the result is {@code act.output()}. */
    public void forward(TrainingSample s, Activations act) {
        buildInput(s, act.x);
        dense(act.x, shape.w1Offset(), shape.b1Offset(), shape.inputDim(), shape.hidden(), act.h1, true);
        dense(act.h1, shape.w2Offset(), shape.b2Offset(), shape.hidden(), shape.hidden(), act.h2, true);
        dense(act.h2, shape.w3Offset(), shape.b3Offset(), shape.hidden(), shape.outputDim(), act.y, false);
    }

    private void buildInput(TrainingSample s, double[] x) {
        int k = 0;
        for (float v : s.image()) {
            x[k++] = v;
        }
        for (double v : s.state()) {
            x[k++] = v;
        }
        for (double v : s.tactile()) {
            x[k++] = v;
        }
        int e = shape.embedDim();
        for (int j = 0; j < e; j++) {
            x[k + j] = 0;
        }
        for (long t : s.tokens()) {
            for (int j = 0; j < e; j++) {
                x[k + j] += params[(int) t * e + j];
            }
        }
    }

    private void dense(double[] in, int w, int b, int nIn, int nOut, double[] out, boolean tanh) {
        for (int o = 0; o < nOut; o++) {
            out[o] = params[b + o];
        }
        for (int i = 0; i < nIn; i++) {
            double xi = in[i];
            if (xi == 0) {
                continue;
            }
            int row = w + i * nOut;
            for (int o = 0; o < nOut; o++) {
                out[o] += xi * params[row + o];
            }
        }
        if (tanh) {
            for (int o = 0; o < nOut; o++) {
                out[o] = Math.tanh(out[o]);
            }
        }
    }

    /**
     * Mean squared error of one sample against its target, adding the gradient (scaled by
     * {@code weight}) into {@code grad}. Calls {@link #forward} first.
     */
    public double lossAndGradient(TrainingSample s, Activations act, double[] grad, double weight) {
        forward(s, act);
        int n = shape.outputDim();
        int h = shape.hidden();
        double loss = 0;
        double[] dy = new double[n];
        for (int i = 0; i < n; i++) {
            double d = act.y[i] - s.target()[i];
            loss += d * d / n;
            dy[i] = 2 * d / n * weight;
        }
        double[] dh2 = backDense(act.h2, dy, shape.w3Offset(), shape.b3Offset(), h, n, grad);
        tanhBack(act.h2, dh2);
        double[] dh1 = backDense(act.h1, dh2, shape.w2Offset(), shape.b2Offset(), h, h, grad);
        tanhBack(act.h1, dh1);
        double[] dx = backDense(act.x, dh1, shape.w1Offset(), shape.b1Offset(), shape.inputDim(), h, grad);
        int e = shape.embedDim();
        int k = shape.imageSize() + shape.stateDim() + shape.tactileDim();
        for (long t : s.tokens()) {
            if (t == 0) {
                continue; // padding stays zero
            }
            for (int j = 0; j < e; j++) {
                grad[(int) t * e + j] += dx[k + j];
            }
        }
        return loss;
    }

    private double[] backDense(double[] in, double[] dout, int w, int b, int nIn, int nOut, double[] grad) {
        double[] din = new double[nIn];
        for (int o = 0; o < nOut; o++) {
            grad[b + o] += dout[o];
        }
        for (int i = 0; i < nIn; i++) {
            int row = w + i * nOut;
            double xi = in[i];
            double acc = 0;
            for (int o = 0; o < nOut; o++) {
                grad[row + o] += xi * dout[o];
                acc += params[row + o] * dout[o];
            }
            din[i] = acc;
        }
        return din;
    }

    private static void tanhBack(double[] h, double[] d) {
        for (int i = 0; i < h.length; i++) {
            d[i] *= 1 - h[i] * h[i];
        }
    }
}
