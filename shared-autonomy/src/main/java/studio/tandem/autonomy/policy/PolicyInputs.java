package studio.tandem.autonomy.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The raw inputs of one inference, owned by the policy thread and refilled in place: the latest
 * frame of every camera the manifest declares, every vector feature (in the dataset's units), and
 * the instruction.
 */
public final class PolicyInputs {
    private final Map<String, ImageFrame> frames = new LinkedHashMap<>();
    private final Map<String, double[]> vectors = new LinkedHashMap<>();
    private String instruction = "";

    PolicyInputs(PolicyManifest m) {
        for (ManifestInput in : m.inputs()) {
            if (in instanceof ManifestInput.Camera c) {
                frames.put(c.feature(), new ImageFrame(c.width(), c.height()));
            } else if (in instanceof ManifestInput.Vector v) {
                vectors.put(v.feature(), new double[v.length()]);
            }
        }
    }

    /** The frame slot of camera {@code feature}; fill it (resize as needed). */
    public ImageFrame frame(String feature) {
        ImageFrame f = frames.get(feature);
        if (f == null) {
            throw new IllegalArgumentException("the policy has no camera input '" + feature + "'; it reads "
                    + frames.keySet());
        }
        return f;
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

    public Map<String, ImageFrame> frames() {
        return frames;
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
