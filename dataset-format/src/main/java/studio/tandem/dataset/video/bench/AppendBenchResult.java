package studio.tandem.dataset.video.bench;

import studio.tandem.dataset.video.EpisodeSpan;

/**
 * One append run of {@link VideoBench}: an episode appended by stream copy to a large file.
 *
 * @param inPlace       true for {@code VideoConcat.appendInPlace}, false for the full rewrite
 * @param existingBytes size of the multi-episode file before
 * @param episodeBytes  size of the appended episode
 * @param resultBytes   size after
 * @param seconds       wall time of {@code VideoConcat.append}
 * @param span          where the episode landed
 */
public record AppendBenchResult(boolean inPlace, long existingBytes, long episodeBytes, long resultBytes, double seconds,
        EpisodeSpan span) {
}
