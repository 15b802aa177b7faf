package studio.tandem.autonomy.policy;

import java.nio.FloatBuffer;

/**
 * Crop → resize → CHW float in [0, 1] → per-channel (x − mean) / std, as a camera input of the
 * manifest declares. Resizing averages an evenly spaced grid of at most 3 × 3 source pixels per
 * output pixel (an area filter, subsampled for large frames). Used by the runtime and by training,
 * so both see the same pixels. Sampling tables are rebuilt only when the frame size changes; no
 * allocation otherwise. One instance per thread.
 */
public final class ImagePreprocessor {
    private static final int MAX_TAPS = 3;
    private final ManifestInput.Camera spec;
    private final int w;
    private final int h;
    private int[] xTaps = new int[0];
    private int[] yTaps = new int[0];
    private int taps;
    private int frameW = -1;
    private int frameH = -1;
    private final float[] scale = new float[3];
    private final float[] offset = new float[3];

    public ImagePreprocessor(ManifestInput.Camera spec) {
        this.spec = spec;
        this.w = spec.width();
        this.h = spec.height();
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
            buildTaps(frame.width(), frame.height());
        }
        byte[] rgb = frame.rgb();
        int stride = frame.width() * 3;
        int base = out.position();
        float norm = 1f / (taps * taps);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int j = 0; j < taps; j++) {
                    int row = yTaps[y * taps + j] * stride;
                    for (int i = 0; i < taps; i++) {
                        int p = row + xTaps[x * taps + i] * 3;
                        r += rgb[p] & 0xff;
                        g += rgb[p + 1] & 0xff;
                        b += rgb[p + 2] & 0xff;
                    }
                }
                int o = base + y * w + x;
                out.put(o, r * norm * scale[0] - offset[0]);
                out.put(o + h * w, g * norm * scale[1] - offset[1]);
                out.put(o + 2 * h * w, b * norm * scale[2] - offset[2]);
            }
        }
        out.position(base + size());
    }

    private void buildTaps(int fw, int fh) {
        int[] crop = spec.crop();
        int cx = crop == null ? 0 : crop[0];
        int cy = crop == null ? 0 : crop[1];
        int cw = crop == null ? fw : Math.min(crop[2], fw - cx);
        int ch = crop == null ? fh : Math.min(crop[3], fh - cy);
        if (cw < 1 || ch < 1) {
            throw new IllegalArgumentException("camera " + spec.feature() + ": crop " + java.util.Arrays.toString(crop)
                    + " lies outside the " + fw + "x" + fh + " frame");
        }
        taps = Math.max(1, Math.min(MAX_TAPS, Math.min(cw / w, ch / h)));
        xTaps = taps(cx, cw, w, taps);
        yTaps = taps(cy, ch, h, taps);
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
