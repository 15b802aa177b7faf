package studio.tandem.dataset.lerobot;

import java.nio.file.Path;

/**
 * One camera's episode as the video layer encoded it: an MP4 whose frame i has pts i / fps, and the
 * camera's image stats (from {@link ImageStatsSampler}). The writer moves the file into the dataset.
 */
public record EpisodeVideo(Path file, FeatureStats stats) {
    public EpisodeVideo {
        if (file == null || stats == null) {
            throw new IllegalArgumentException("episode video needs a file and its image stats");
        }
    }
}
