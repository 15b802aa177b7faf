package studio.tandem.dataset.feature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ordered set of uniquely named features: a device's declaration, or a dataset's schema derived
 * by merging the declarations of every source. Immutable.
 */
public final class FeatureSet {
    private final Map<String, Feature> byName;

    private FeatureSet(Map<String, Feature> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    public static FeatureSet of(List<? extends Feature> features) {
        Map<String, Feature> map = new LinkedHashMap<>();
        for (Feature f : features) {
            if (map.putIfAbsent(f.name(), f) != null) {
                throw new IllegalArgumentException("feature '" + f.name() + "' is declared twice");
            }
        }
        return new FeatureSet(map);
    }

    public static FeatureSet of(Feature... features) {
        return of(List.of(features));
    }

    /** Merges several declarations; a name declared by two sources is an error naming it. */
    public static FeatureSet merge(List<FeatureSet> sets) {
        List<Feature> all = new ArrayList<>();
        for (FeatureSet s : sets) {
            all.addAll(s.all());
        }
        return of(all);
    }

    public FeatureSet plus(Feature... more) {
        List<Feature> all = new ArrayList<>(all());
        all.addAll(List.of(more));
        return of(all);
    }

    public List<Feature> all() {
        return List.copyOf(byName.values());
    }

    public Optional<Feature> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    public int size() {
        return byName.size();
    }

    public List<VisualFeature> visual() {
        List<VisualFeature> out = new ArrayList<>();
        for (Feature f : byName.values()) {
            if (f instanceof VisualFeature v) {
                out.add(v);
            }
        }
        return out;
    }

    public List<VisualFeature> videos() {
        List<VisualFeature> out = new ArrayList<>();
        for (VisualFeature v : visual()) {
            if (v.dtype() == DType.VIDEO) {
                out.add(v);
            }
        }
        return out;
    }

    /** Every non-video feature: the columns of the Parquet table. */
    public List<Feature> tabular() {
        List<Feature> out = new ArrayList<>();
        for (Feature f : byName.values()) {
            if (f.dtype() != DType.VIDEO) {
                out.add(f);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureSet other && byName.equals(other.byName);
    }

    @Override
    public int hashCode() {
        return byName.hashCode();
    }

    @Override
    public String toString() {
        return "FeatureSet" + byName.keySet();
    }
}
