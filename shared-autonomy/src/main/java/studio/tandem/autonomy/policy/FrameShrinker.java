package studio.tandem.autonomy.policy;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Crops and shrinks RGB frames to one camera input of a manifest: each output pixel averages an
 * evenly spaced grid of at most 3 × 3 source pixels over its span (an area filter, subsampled for
 * large frames; exact when the span is at most 3 × 3 pixels), read through one precomputed table of
 * source byte offsets. Reads straight from a camera's buffer (direct or heap) or an
 * {@link ImageFrame}. The table is rebuilt only when the frame size changes; nothing is allocated
 * otherwise. One instance per thread.
 */
public final class FrameShrinker {
    private static final int MAX_TAPS = 3;
    private final ManifestInput.Camera spec;
    private final int w;
    private final int h;
    /** Byte offset in the source frame of tap t of output pixel p: {@code table[p * taps² + t]}. */
    private int[] table = new int[0];
    private int taps;
    private int frameW = -1;
    private int frameH = -1;

    public FrameShrinker(ManifestInput.Camera spec) {
        this.spec = spec;
        this.w = spec.width();
        this.h = spec.height();
    }

    public ManifestInput.Camera spec() {
        return spec;
    }

    /** A frame of this input's size to shrink into. */
    public ShrunkFrame newFrame() {
        return new ShrunkFrame(w, h);
    }

    /**
     * Shrinks a tightly packed {@code width}×{@code height} RGB frame read from {@code rgb}
     * (absolute positions from 0; the buffer's position is untouched).
     *
     * @param seq the source frame's sequence number, stored with the result
     * @throws IllegalArgumentException when the crop lies outside the frame (naming the input)
     */
    public void shrink(ByteBuffer rgb, int width, int height, long stampNanos, long seq, ShrunkFrame out) {
        prepare(width, height, out);
        int[] tab = table;
        float[] sums = out.sums();
        int n = taps * taps;
        int plane = h * w;
        for (int p = 0, k = 0; p < plane; p++) {
            int r = 0;
            int g = 0;
            int b = 0;
            for (int t = 0; t < n; t++, k++) {
                int o = tab[k];
                r += rgb.get(o) & 0xff;
                g += rgb.get(o + 1) & 0xff;
                b += rgb.get(o + 2) & 0xff;
            }
            sums[p] = r;
            sums[p + plane] = g;
            sums[p + 2 * plane] = b;
        }
        out.stamp(n, stampNanos, seq);
    }

    /** Shrinks {@code frame} (keeping its capture stamp) into {@code out}. */
    public void shrink(ImageFrame frame, long seq, ShrunkFrame out) {
        prepare(frame.width(), frame.height(), out);
        byte[] rgb = frame.rgb();
        int[] tab = table;
        float[] sums = out.sums();
        int n = taps * taps;
        int plane = h * w;
        for (int p = 0, k = 0; p < plane; p++) {
            int r = 0;
            int g = 0;
            int b = 0;
            for (int t = 0; t < n; t++, k++) {
                int o = tab[k];
                r += rgb[o] & 0xff;
                g += rgb[o + 1] & 0xff;
                b += rgb[o + 2] & 0xff;
            }
            sums[p] = r;
            sums[p + plane] = g;
            sums[p + 2 * plane] = b;
        }
        out.stamp(n, frame.stampNanos(), seq);
    }

    /**
     * Copies exactly the source pixels {@link #shrink} reads into {@code out}, which becomes a
     * (width·taps) × (height·taps) frame that shrinks to the same sums as {@code frame}. Training keeps
     * these small frames instead of full-size ones. Only for camera inputs without a crop.
     */
    public void compact(ImageFrame frame, ImageFrame out) {
        if (spec.crop() != null) {
            throw new IllegalStateException("camera " + spec.feature() + ": compact frames need an input without crop");
        }
        if (frame.width() != frameW || frame.height() != frameH) {
            buildTable(frame.width(), frame.height());
        }
        out.resize(w * taps, h * taps);
        byte[] src = frame.rgb();
        byte[] dst = out.rgb();
        int ow = w * taps;
        for (int p = 0, k = 0; p < h * w; p++) {
            int x0 = (p % w) * taps;
            int y0 = (p / w) * taps;
            for (int j = 0; j < taps; j++) {
                for (int i = 0; i < taps; i++, k++) {
                    System.arraycopy(src, table[k], dst, ((y0 + j) * ow + x0 + i) * 3, 3);
                }
            }
        }
        out.stampNanos(frame.stampNanos());
    }

    /**
     * Builds the sampling table for {@code width}×{@code height} frames now rather than at the first
     * frame (so a crop outside the frame is reported when the policy is wired).
     *
     * @throws IllegalArgumentException when the crop lies outside the frame (naming the input)
     */
    public void prepareFor(int width, int height) {
        if (width != frameW || height != frameH) {
            buildTable(width, height);
        }
    }

    private void prepare(int fw, int fh, ShrunkFrame out) {
        if (out.width() != w || out.height() != h) {
            throw new IllegalArgumentException("camera " + spec.feature() + ": shrinks to " + w + "x" + h
                    + ", not " + out.width() + "x" + out.height());
        }
        if (fw != frameW || fh != frameH) {
            buildTable(fw, fh);
        }
    }

    private void buildTable(int fw, int fh) {
        int[] crop = spec.crop();
        int cx = crop == null ? 0 : crop[0];
        int cy = crop == null ? 0 : crop[1];
        int cw = crop == null ? fw : Math.min(crop[2], fw - cx);
        int ch = crop == null ? fh : Math.min(crop[3], fh - cy);
        if (cw < 1 || ch < 1) {
            throw new IllegalArgumentException("camera " + spec.feature() + ": crop " + Arrays.toString(crop)
                    + " lies outside the " + fw + "x" + fh + " frame");
        }
        int t = Math.max(1, Math.min(MAX_TAPS, Math.min(cw / w, ch / h)));
        int[] xs = taps(cx, cw, w, t);
        int[] ys = taps(cy, ch, h, t);
        int[] tab = new int[h * w * t * t];
        int k = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int j = 0; j < t; j++) {
                    for (int i = 0; i < t; i++) {
                        tab[k++] = (ys[y * t + j] * fw + xs[x * t + i]) * 3;
                    }
                }
            }
        }
        table = tab;
        taps = t;
        frameW = fw;
        frameH = fh;
    }

    /** Source coordinates of the taps: the centres of {@code taps} equal parts of each output pixel's span. */
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
}
