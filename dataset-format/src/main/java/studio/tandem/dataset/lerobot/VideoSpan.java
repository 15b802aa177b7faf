package studio.tandem.dataset.lerobot;

/**
 * Where an episode's frames of one camera are: the file's chunk and file index and the
 * episode's time range inside it (seconds, frame i at {@code fromTimestamp + i / fps}).
 */
public record VideoSpan(long chunkIndex, long fileIndex, double fromTimestamp, double toTimestamp) {
}
