package studio.tandem.dataset.rlds;

import java.nio.file.Path;

/**
 * The result of an export.
 *
 * @param directory the finished {@code OUT/NAME/1.0.0} directory
 * @param episodes episodes written
 * @param steps steps written
 * @param bytes bytes of all shard files
 * @param shards number of shard files
 * @param seconds wall time of the export in seconds
 */
public record ExportSummary(Path directory, long episodes, long steps, long bytes, int shards, double seconds) {

    /** The one-line JSON the CLI prints last. */
    public String toJson() {
        return String.format(java.util.Locale.ROOT,
                "{\"episodes\":%d,\"steps\":%d,\"bytes\":%d,\"shards\":%d,\"seconds\":%.3f}",
                episodes, steps, bytes, shards, seconds);
    }
}
