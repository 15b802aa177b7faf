package studio.tandem.dataset.rlds;

/** An image size in pixels, parsed from {@code WxH} (e.g. {@code 256x256}). */
public record ImageSize(int width, int height) {
    public static final int MAX_SIDE = 8192;

    public ImageSize {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException(
                    "image size must be between 1x1 and " + MAX_SIDE + "x" + MAX_SIDE + ", was " + width + "x" + height);
        }
    }

    /**
     * Parses {@code WxH}.
     *
     * @throws IllegalArgumentException naming the text when it is not {@code WxH}
     */
    public static ImageSize parse(String text) {
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("--image-size: expected WxH (e.g. 256x256), got '" + text + "'");
        }
        try {
            return new ImageSize(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--image-size: expected WxH (e.g. 256x256), got '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
