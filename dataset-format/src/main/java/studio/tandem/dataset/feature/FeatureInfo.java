package studio.tandem.dataset.feature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies of a feature's {@code info} block that keep the key order (info.json shows it). */
final class FeatureInfo {
    private FeatureInfo() {
    }

    static Map<String, Object> copyOf(Map<String, Object> info) {
        if (info == null || info.isEmpty()) {
            return Map.of();
        }
        for (Map.Entry<String, Object> e : info.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("feature info must not contain null keys or values");
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(info));
    }
}
