package studio.tandem.recorder.episode;

import studio.tandem.recorder.align.SkewStats;

/**
 * Per-stream quality of one episode, kept with it and reported.
 *
 * @param key      feature name
 * @param samples  samples (vectors) or frames (cameras) received during the episode
 * @param dropped  lost before the recorder saw them (ring full; for cameras: frame slots exhausted)
 * @param missing  rows whose sample was staler than the limit (NaN rows for vectors; for cameras
 *                 the nearest frame was used and counted)
 * @param repeated rows that reused the previous row's frame (cameras only)
 * @param skew     capture time minus row time over the rows
 * @param missingRows the missing rows as {@code [from, to)} ranges
 */
public record StreamStats(String key, long samples, long dropped, long missing, long repeated, SkewStats.Skew skew,
        java.util.List<int[]> missingRows) {
}
