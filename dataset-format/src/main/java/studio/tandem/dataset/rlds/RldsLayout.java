package studio.tandem.dataset.rlds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import studio.tandem.dataset.feature.DType;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.TextFeature;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;

/**
 * How a source's features map onto RLDS step features: state, action, one JPEG image per camera
 * (at its source size or the requested one) and the extra per-step fields. Immutable.
 */
public record RldsLayout(VectorFeature state, VectorFeature action, List<Camera> cameras, List<Extra> extras) {

    /** A camera: source feature, RLDS name under {@code observation/}, output size. */
    public record Camera(VisualFeature source, String name, int width, int height) {
    }

    /** An extra step feature: source column, RLDS name, description written to features.json. */
    public record Extra(Feature source, String name, String description) {
        public Extra {
            if (!(source instanceof VectorFeature) && !(source instanceof TextFeature)) {
                throw new IllegalArgumentException(source.name() + ": only vector and text columns can be extra step features");
            }
        }
    }

    /** Step feature names RLDS itself defines; extras may not take them. */
    static final Set<String> RESERVED = Set.of("observation", "action", "reward", "discount", "is_first", "is_last",
            "is_terminal", "language_instruction");

    public RldsLayout {
        cameras = List.copyOf(cameras);
        extras = List.copyOf(extras);
    }

    /**
     * Derives the layout of a source.
     *
     * @param imageSize the output size of every camera, or null to keep each camera's own
     */
    public static RldsLayout of(EpisodeSource source, ImageSize imageSize) {
        List<Camera> cams = new ArrayList<>();
        Set<String> used = new HashSet<>(Set.of("state"));
        for (VisualFeature v : source.cameras()) {
            String name = unique(cameraName(v.name()), used, v.name());
            int w = imageSize == null ? v.width() : imageSize.width();
            int h = imageSize == null ? v.height() : imageSize.height();
            cams.add(new Camera(v, name, w, h));
        }
        List<Extra> extras = new ArrayList<>();
        Set<String> usedSteps = new HashSet<>(RESERVED);
        for (Feature f : source.extras()) {
            extras.add(new Extra(f, unique(sanitize(f.name()), usedSteps, f.name()), ExtraFields.describe(f)));
        }
        return new RldsLayout(source.state(), source.action(), cams, extras);
    }

    /** {@code observation.images.front} → {@code front}; {@code observation.image} → {@code image}. */
    static String cameraName(String key) {
        String k = key;
        if (k.startsWith("observation.images.")) {
            k = k.substring("observation.images.".length());
        } else if (k.startsWith("observation.")) {
            k = k.substring("observation.".length());
        }
        return sanitize(k);
    }

    /** A TFDS-safe feature name: letters, digits and underscores. */
    static String sanitize(String key) {
        String s = key.replaceAll("[^A-Za-z0-9_]", "_");
        return s.isEmpty() ? "_" : s;
    }

    private static String unique(String name, Set<String> used, String sourceKey) {
        if (!used.add(name)) {
            throw new IllegalArgumentException("feature '" + sourceKey + "' maps to RLDS name '" + name
                    + "', which is already taken");
        }
        return name;
    }

    /** Numeric dtype of an extra as written to features.json: bool, int64 or float32. */
    static String tfdsDtype(VectorFeature v) {
        return v.dtype() == DType.BOOL ? "bool" : v.dtype() == DType.INT64 ? "int64" : "float32";
    }
}
