package studio.tandem.autonomy.policy;

import java.nio.FloatBuffer;

/**
 * Crop → resize → CHW float in [0, 1] → per-channel (x − mean) / std, as a camera input of the
 * manifest declares. Resizing averages an evenly spaced grid of at most 3 × 3 source pixels per
 * output pixel (an area filter, subsampled for large frames) through one precomputed sparse
 * sampling table: the byte offset of every tap of every output pixel. Used by the runtime and by
 * training, so both see the same pixels. The table is rebuilt only when the frame size changes; no
 * allocation otherwise. One instance per thread (the policy thread at run time).
 */
public final class ImagePreprocessor {
    private static final int MAX_TAPS = 3;
    private final ManifestInput.Camera spec;
    private final int w;
    private final int h;
    /** Byte offset in the source frame of tap t of output pixel p: {@code table[p * taps² + t]}. */
    private int[] table = new int[0];
    private int taps;
    private int frameW = -1;
    private int frameH = -1;
    private final float[] scale = new float[3];
    private final float[] offset = new float[3];
    private final float[] planes;

    public ImagePreprocessor(ManifestInput.Camera spec) {
        this.spec = spec;
        this.w = spec.width();
        this.h = spec.height();
        this.planes = new float[3 * w * h];
        for (int c = 0; c < 3; c++) {
            scale[c] = (float) (1.0 / (255.0 * spec.std()[c]));
            offset[c] = (float) (spec.mean()[c] / spec.std()[c]);
        }
    }

    /** Values written per frame: 3 × height × width. */
    public int size() {
        return 3 * h * w;
    }

    /** Writes the preprocessed frame into {@code out} at its position (which advances by {@link #size()}). */
    public void apply(ImageFrame frame, FloatBuffer out) {
        if (frame.width() != frameW || frame.height() != frameH) {
            buildTable(frame.width(), frame.height());
        }
        byte[] rgb = frame.rgb();
        int[] tab = table;
        int n = taps * taps;
        int plane = h * w;
        float s0 = scale[0] / n;
        float s1 = scale[1] / n;
        float s2 = scale[2] / n;
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
            planes[p] = r * s0 - offset[0];
            planes[p + plane] = g * s1 - offset[1];
            planes[p + 2 * plane] = b * s2 - offset[2];
        }
        out.put(planes);
    }

    /**
     * Copies exactly the source pixels {@link #apply} reads into {@code out}, which becomes a
     * (width·taps) × (height·taps) frame; {@code apply(out)} then gives the same values as
     * {@code apply(frame)}. Training keeps these small frames instead of full-size ones. Only for
     * camera inputs without a crop.
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

    private void buildTable(int fw, int fh) {
        int[] crop = spec.crop();
        int cx = crop == null ? 0 : crop[0];
        int cy = crop == null ? 0 : crop[1];
        int cw = crop == null ? fw : Math.min(crop[2], fw - cx);
        int ch = crop == null ? fh : Math.min(crop[3], fh - cy);
        if (cw < 1 || ch < 1) {
            throw new IllegalArgumentException("camera " + spec.feature() + ": crop " + java.util.Arrays.toString(crop)
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
