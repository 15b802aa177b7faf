package studio.tandem.autonomy.policy;

import java.nio.FloatBuffer;

/**
 * Crop → resize (area average) → CHW float in [0, 1] → per-channel (x − mean) / std, as a camera
 * input of the manifest declares. Used by the runtime and by training, so both see the same pixels.
 * Allocation-free; one instance per thread.
 */
public final class ImagePreprocessor {
    private final ManifestInput.Camera spec;

    public ImagePreprocessor(ManifestInput.Camera spec) {
        this.spec = spec;
    }

    /** Values written per frame: 3 × height × width. */
    public int size() {
        return 3 * spec.height() * spec.width();
    }

    /** Writes the preprocessed frame into {@code out} at its position (which advances by {@link #size()}). */
    public void apply(ImageFrame frame, FloatBuffer out) {
        int[] crop = spec.crop();
        int cx = crop == null ? 0 : crop[0];
        int cy = crop == null ? 0 : crop[1];
        int cw = crop == null ? frame.width() : Math.min(crop[2], frame.width() - cx);
        int ch = crop == null ? frame.height() : Math.min(crop[3], frame.height() - cy);
        if (cw < 1 || ch < 1) {
            throw new IllegalArgumentException("camera " + spec.feature() + ": crop " + java.util.Arrays.toString(crop)
                    + " lies outside the " + frame.width() + "x" + frame.height() + " frame");
        }
        int base = out.position();
        int w = spec.width();
        int h = spec.height();
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = areaMean(frame, c, cx + x * cw / w, cx + Math.max((x + 1) * cw / w, x * cw / w + 1),
                            cy + y * ch / h, cy + Math.max((y + 1) * ch / h, y * ch / h + 1));
                    out.put(base + (c * h + y) * w + x, (float) ((v / 255.0 - spec.mean()[c]) / spec.std()[c]));
                }
            }
        }
        out.position(base + size());
    }

    private static double areaMean(ImageFrame f, int c, int x0, int x1, int y0, int y1) {
        byte[] rgb = f.rgb();
        int stride = f.width();
        long sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                sum += rgb[(y * stride + x) * 3 + c] & 0xff;
            }
        }
        return (double) sum / ((x1 - x0) * (y1 - y0));
    }
}
