package studio.tandem.dataset.feature;

import java.util.Locale;

/** Data types of dataset features, spelled as LeRobot's {@code info.json} spells them. */
public enum DType {
    FLOAT32, FLOAT64, INT64, BOOL, STRING, VIDEO, IMAGE;

    /** The name used in {@code info.json} ("float32", "video", ...). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an {@code info.json} dtype.
     *
     * @throws IllegalArgumentException naming the unknown dtype
     */
    public static DType fromJson(String name) {
        for (DType t : values()) {
            if (t.jsonName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown dtype '" + name + "'");
    }

    public boolean isNumeric() {
        return this == FLOAT32 || this == FLOAT64 || this == INT64 || this == BOOL;
    }

    public boolean isVisual() {
        return this == VIDEO || this == IMAGE;
    }
}
