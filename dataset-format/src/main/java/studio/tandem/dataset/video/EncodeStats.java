package studio.tandem.dataset.video;

/**
 * What a {@link VideoEncoder} did so far. Frame {@code i} is stamped {@code i / fps}; the capture skew
 * is how far the caller's capture time of frame {@code i} was from {@code firstCapture + i / fps}.
 *
 * @param frames           frames encoded
 * @param packets          compressed packets written to the file
 * @param maxAbsSkewNanos  largest |capture skew| in nanoseconds (0 with fewer than 2 frames)
 * @param meanSkewNanos    mean capture skew in nanoseconds (signed: positive = frames arrive late)
 */
public record EncodeStats(long frames, long packets, long maxAbsSkewNanos, double meanSkewNanos) {
}
