package studio.tandem.dataset.feature;

import java.util.List;
import java.util.Map;

/**
 * A camera stream: {@link DType#VIDEO} (frames in MP4 files) or {@link DType#IMAGE} (encoded images
 * in the Parquet table). Shape is {@code [height, width, channels]}, names
 * {@code ["height", "width", "channels"]}, as LeRobot writes them.
 */
public record VisualFeature(String name, DType dtype, int height, int width, int channels, Map<String, Object> info)
        implements Feature {

    public static final List<String> HWC = List.of("height", "width", "channels");

    public VisualFeature {
        Feature.requireName(name);
        if (!dtype.isVisual()) {
            throw new IllegalArgumentException(name + ": visual dtype must be video or image, not " + dtype.jsonName());
        }
        if (height < 1 || width < 1 || channels < 1) {
            throw new IllegalArgumentException(name + ": bad image size " + height + "x" + width + "x" + channels);
        }
        info = FeatureInfo.copyOf(info);
    }

    /** A 3-channel video feature; the video {@code info} block is filled in by the writer. */
    public static VisualFeature video(String name, int width, int height) {
        return new VisualFeature(name, DType.VIDEO, height, width, 3, Map.of());
    }

    @Override
    public int[] shape() {
        return new int[] {height, width, channels};
    }

    @Override
    public List<String> names() {
        return HWC;
    }
}
