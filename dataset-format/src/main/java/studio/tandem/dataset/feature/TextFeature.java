package studio.tandem.dataset.feature;

import java.util.List;
import java.util.Map;

/** A string per frame (shape [1]). */
public record TextFeature(String name, Map<String, Object> info) implements Feature {

    public TextFeature {
        Feature.requireName(name);
        info = FeatureInfo.copyOf(info);
    }

    public TextFeature(String name) {
        this(name, Map.of());
    }

    @Override
    public DType dtype() {
        return DType.STRING;
    }

    @Override
    public int[] shape() {
        return new int[] {1};
    }

    @Override
    public List<String> names() {
        return null;
    }
}
