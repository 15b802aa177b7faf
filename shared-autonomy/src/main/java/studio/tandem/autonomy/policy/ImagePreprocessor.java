package studio.tandem.autonomy.policy;

import java.nio.FloatBuffer;

/**
 * Crop → shrink ({@link FrameShrinker}) → CHW float in [0, 1] → per-channel (x − mean) / std, as a
 * camera input of the manifest declares. The runtime normalises frames that were already shrunk
 * where the camera delivers them ({@link #normalize}); training applies the whole chain to full
 * frames ({@link #apply}); both compute the same floats from the same pixels. The normalisation
 * constants are precomputed; nothing is allocated per frame. One instance per thread.
 */
public final class ImagePreprocessor {
    private final ManifestInput.Camera spec;
    private final FrameShrinker shrinker;
    private final ShrunkFrame scratch;
    private final float[] scale = new float[3];
    private final float[] offset = new float[3];
    private final float[] planes;

    public ImagePreprocessor(ManifestInput.Camera spec) {
        this.spec = spec;
        this.shrinker = new FrameShrinker(spec);
        this.scratch = shrinker.newFrame();
        this.planes = new float[3 * spec.width() * spec.height()];
        for (int c = 0; c < 3; c++) {
            scale[c] = (float) (1.0 / (255.0 * spec.std()[c]));
            offset[c] = (float) (spec.mean()[c] / spec.std()[c]);
        }
    }

    /** Values written per frame: 3 × height × width. */
    public int size() {
        return planes.length;
    }

    /** Shrinks and normalises {@code frame} into {@code out} at its position (which advances by {@link #size()}). */
    public void apply(ImageFrame frame, FloatBuffer out) {
        shrinker.shrink(frame, 0, scratch);
        normalize(scratch, out);
    }

    /**
     * Normalises an already shrunk frame into {@code out} at its position (which advances by {@link #size()}).
     *
     * @throws IllegalArgumentException when the frame is not this input's size or holds no frame yet
     */
    public void normalize(ShrunkFrame frame, FloatBuffer out) {
        if (frame.width() != spec.width() || frame.height() != spec.height() || frame.taps() < 1) {
            throw new IllegalArgumentException("camera " + spec.feature() + ": expects a " + spec.width() + "x"
                    + spec.height() + " shrunk frame, got " + frame.width() + "x" + frame.height()
                    + (frame.taps() < 1 ? " without pixels" : ""));
        }
        float[] sums = frame.sums();
        int n = frame.taps();
        int plane = planes.length / 3;
        for (int c = 0; c < 3; c++) {
            float s = scale[c] / n;
            float o = offset[c];
            int from = c * plane;
            for (int p = 0; p < plane; p++) {
                planes[from + p] = sums[from + p] * s - o;
            }
        }
        out.put(planes);
    }

    /**
     * Copies exactly the source pixels the shrink reads into {@code out}, which becomes a
     * (width·taps) × (height·taps) frame; {@code apply(out)} then gives the same values as
     * {@code apply(frame)}. Training keeps these small frames instead of full-size ones. Only for
     * camera inputs without a crop.
     */
    public void compact(ImageFrame frame, ImageFrame out) {
        shrinker.compact(frame, out);
    }
}
