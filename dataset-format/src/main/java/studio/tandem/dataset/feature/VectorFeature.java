package studio.tandem.dataset.feature;

import java.util.List;
import java.util.Map;

/**
 * A fixed-length numeric vector per frame (float32, float64, int64 or bool). Length 1 is stored as
 * a plain scalar column, longer ones as Arrow {@code fixed_size_list}, as LeRobot does.
 *
 * @param names per-element names (size == length) or null
 */
public record VectorFeature(String name, DType dtype, int length, List<String> names, Map<String, Object> info)
        implements Feature {

    public VectorFeature {
        Feature.requireName(name);
        if (!dtype.isNumeric()) {
            throw new IllegalArgumentException(name + ": vector dtype must be numeric, not " + dtype.jsonName());
        }
        if (length < 1) {
            throw new IllegalArgumentException(name + ": length must be >= 1, was " + length);
        }
        if (names != null && names.size() != length) {
            throw new IllegalArgumentException(
                    name + ": " + names.size() + " names for length " + length);
        }
        names = names == null ? null : List.copyOf(names);
        info = FeatureInfo.copyOf(info);
    }

    /** A float32 vector with one name per element. */
    public static VectorFeature float32(String name, List<String> names) {
        return new VectorFeature(name, DType.FLOAT32, names.size(), names, Map.of());
    }

    /** A scalar (shape [1]) without names, like LeRobot's index columns. */
    public static VectorFeature scalar(String name, DType dtype) {
        return new VectorFeature(name, dtype, 1, null, Map.of());
    }

    @Override
    public int[] shape() {
        return new int[] {length};
    }

    public boolean isScalar() {
        return length == 1;
    }
}
