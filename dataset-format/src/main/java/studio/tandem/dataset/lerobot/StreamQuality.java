package studio.tandem.dataset.lerobot;

/**
 * How well one recorded stream (a camera or a vector feature) kept up during an episode, stored as the
 * episode columns {@code quality/<stream>/...}.
 *
 * @param skewMeanMs mean capture time minus row time over the rows (ms)
 * @param skewMaxMs  largest absolute capture skew of any row (ms)
 * @param missing    rows whose sample was staler than the recorder's limit
 * @param repeated   rows that reused the previous row's frame (cameras; 0 for vectors)
 * @param dropped    samples lost before the recorder saw them (full ring or frame slots)
 */
public record StreamQuality(double skewMeanMs, double skewMaxMs, long missing, long repeated, long dropped) {
    /** The column name suffixes, in schema order. */
    public static final java.util.List<String> COLUMNS = java.util.List.of("skew_mean_ms", "skew_max_ms", "missing",
            "repeated", "dropped");

    /** Column name of {@code suffix} for stream {@code key}. */
    public static String column(String key, String suffix) {
        return "quality/" + key + "/" + suffix;
    }
}
