package studio.tandem.dataset.rlds;

import java.util.regex.Pattern;

/**
 * Options of an RLDS export.
 *
 * @param name TFDS dataset name (lower snake case), the directory under OUT
 * @param imageSize output size of every camera, or null to keep each camera's own
 * @param jpegQuality JPEG quality in (0, 1]
 * @param maxShardBytes target maximum size of one TFRecord shard in bytes
 */
public record RldsExportOptions(String name, ImageSize imageSize, float jpegQuality, long maxShardBytes) {
    public static final String VERSION = "1.0.0";
    public static final float DEFAULT_JPEG_QUALITY = 0.95f;
    public static final long DEFAULT_MAX_SHARD_BYTES = 256L << 20;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public RldsExportOptions {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("--name: '" + name
                    + "' is not a TFDS dataset name (lower case letters, digits, '_', starting with a letter)");
        }
        if (!(jpegQuality > 0f && jpegQuality <= 1f)) {
            throw new IllegalArgumentException("--jpeg-quality: must be in (0, 1], was " + jpegQuality);
        }
        if (maxShardBytes < 1) {
            throw new IllegalArgumentException("--shard-size: must be positive, was " + maxShardBytes);
        }
    }

    /** Defaults for everything but the name. */
    public static RldsExportOptions named(String name) {
        return new RldsExportOptions(name, null, DEFAULT_JPEG_QUALITY, DEFAULT_MAX_SHARD_BYTES);
    }

    /** A TFDS name derived from a directory name: lower case, other characters as '_'. */
    public static String defaultName(String directoryName) {
        String s = directoryName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "d_" + s : s;
    }
}
