package studio.tandem.autonomy.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw inputs of one inference, owned by the policy thread and refilled in place: the image of
 * every camera the manifest declares, already shrunk to its declared size ({@link ShrunkFrame}, filled
 * by {@link PolicyFrames} or by {@link #shrink} from a full frame), every vector feature (in the
 * dataset's units), and the instruction.
 */
public final class PolicyInputs {
    private final List<ManifestInput.Camera> cameras = new ArrayList<>();
    private final List<ShrunkFrame> images = new ArrayList<>();
    private final List<FrameShrinker> shrinkers = new ArrayList<>();
    private final Map<String, double[]> vectors = new LinkedHashMap<>();
    private String instruction = "";

    PolicyInputs(PolicyManifest m) {
        for (ManifestInput in : m.inputs()) {
            if (in instanceof ManifestInput.Camera c) {
                cameras.add(c);
                images.add(new ShrunkFrame(c.width(), c.height()));
                shrinkers.add(null);
            } else if (in instanceof ManifestInput.Vector v) {
                vectors.put(v.feature(), new double[v.length()]);
            }
        }
    }

    /** The camera inputs in manifest order; {@link #image(int)} and {@link PolicyFrames} number them so. */
    public List<ManifestInput.Camera> cameras() {
        return List.copyOf(cameras);
    }

    /** The image slot of camera input {@code camera} (manifest order). */
    public ShrunkFrame image(int camera) {
        return images.get(camera);
    }

    /** The image slot of camera {@code feature}. */
    public ShrunkFrame image(String feature) {
        return images.get(camera(feature));
    }

    /**
     * Shrinks a full frame of camera {@code feature} into its image slot on the calling thread (for
     * callers holding whole frames: tests, tools). The policy thread gets its images from
     * {@link PolicyFrames} instead.
     */
    public void shrink(String feature, ImageFrame frame) {
        int i = camera(feature);
        if (shrinkers.get(i) == null) {
            shrinkers.set(i, new FrameShrinker(cameras.get(i)));
        }
        ShrunkFrame img = images.get(i);
        shrinkers.get(i).shrink(frame, img.sequence() + 1, img);
    }

    private int camera(String feature) {
        for (int i = 0; i < cameras.size(); i++) {
            if (cameras.get(i).feature().equals(feature)) {
                return i;
            }
        }
        List<String> names = new ArrayList<>();
        cameras.forEach(c -> names.add(c.feature()));
        throw new IllegalArgumentException("the policy has no camera input '" + feature + "'; it reads " + names);
    }

    /** The vector slot of {@code feature}; write its values in place. */
    public double[] vector(String feature) {
        double[] v = vectors.get(feature);
        if (v == null) {
            throw new IllegalArgumentException("the policy has no vector input '" + feature + "'; it reads "
                    + vectors.keySet());
        }
        return v;
    }

    public Map<String, double[]> vectors() {
        return vectors;
    }

    public String instruction() {
        return instruction;
    }

    public void instruction(String text) {
        instruction = text;
    }
}
