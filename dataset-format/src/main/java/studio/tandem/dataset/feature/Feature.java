package studio.tandem.dataset.feature;

import java.util.List;
import java.util.Map;

/**
 * One named column of an episode: what hardware, the control loop and the recorder declare once,
 * and what a dataset schema is derived from. The kind is explicit in the type; it is never guessed
 * from a shape.
 */
public sealed interface Feature permits VectorFeature, TextFeature, VisualFeature {

    /** Dotted key, e.g. {@code observation.state} or {@code observation.images.wrist}. */
    String name();

    DType dtype();

    /** Shape as LeRobot writes it: {@code [n]} for vectors, {@code [h, w, c]} for images. */
    int[] shape();

    /** Per-dimension names, or {@code null} where LeRobot writes none. */
    List<String> names();

    /** Extra information (e.g. the video {@code info} block); never null, possibly empty. */
    Map<String, Object> info();

    /** Number of scalar values per frame. */
    default int elementCount() {
        int n = 1;
        for (int d : shape()) {
            n *= d;
        }
        return n;
    }

    static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("feature name must not be empty");
        }
    }
}
