package studio.tandem.dataset.lerobot;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import studio.tandem.dataset.parquet.ParquetTables;
import studio.tandem.dataset.video.EpisodeSpan;
import studio.tandem.dataset.video.VideoConcat;
import studio.tandem.dataset.video.VideoInfo;
import studio.tandem.dataset.video.VideoProbe;

/**
 * {@link VideoFiles} over the video layer: {@link VideoProbe} for probing and
 * {@link VideoConcat#appendInPlace} for adding an episode to a multi-episode file, in time
 * proportional to the episode (not the file). A new file is the episode's MP4 moved into place, as
 * LeRobot does. Stateless; any thread, one call per target at a time.
 */
public final class FfmpegVideoFiles implements VideoFiles {

    @Override
    public Appended append(Path target, Path episode) throws IOException {
        if (Files.exists(target)) {
            EpisodeSpan s = VideoConcat.appendInPlace(target, episode);
            return new Appended(s.fromTimestamp(), s.toTimestamp());
        }
        VideoInfo i = VideoProbe.probe(episode);
        Files.createDirectories(target.toAbsolutePath().getParent());
        try {
            Files.move(episode, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Path tmp = ParquetTables.tempBeside(target);
            Files.copy(episode, tmp);
            ParquetTables.moveAtomically(tmp, target);
        }
        return new Appended(0.0, (double) i.frameCount() * i.fpsDen() / i.fpsNum());
    }

    @Override
    public Probe probe(Path file) throws IOException {
        VideoInfo i = VideoProbe.probe(file);
        return new Probe(i.width(), i.height(), i.frameCount(), i.ptsSeconds(), i.lerobotInfo());
    }
}
