package studio.tandem.dataset.lerobot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import studio.tandem.dataset.parquet.ParquetTables;
import studio.tandem.dataset.video.FfmpegTools;
import studio.tandem.dataset.video.VideoInfo;
import studio.tandem.dataset.video.VideoProbe;

/**
 * {@link VideoFiles} over the video layer: {@link VideoProbe} for probing; concatenation by the
 * bundled {@code ffmpeg} concat demuxer with stream copy (until the video layer offers its own), the
 * result written beside the target and moved into place. Stateless; any thread.
 */
public final class FfmpegVideoFiles implements VideoFiles {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @Override
    public void concatenate(List<Path> inputs, Path output) throws IOException {
        Path list = Files.createTempFile(output.toAbsolutePath().getParent(), ".concat", ".txt");
        Path tmp = ParquetTables.tempBeside(output.resolveSibling(output.getFileName() + ".concat.mp4"));
        try {
            StringBuilder b = new StringBuilder();
            for (Path p : inputs) {
                b.append("file '").append(p.toAbsolutePath().toString().replace("'", "'\\''")).append("'\n");
            }
            Files.writeString(list, b.toString(), StandardCharsets.UTF_8);
            FfmpegTools.Result r = FfmpegTools.ffmpeg(List.of("-nostdin", "-v", "error", "-y", "-f", "concat", "-safe",
                    "0", "-i", list.toString(), "-c", "copy", "-map", "0", "-f", "mp4", tmp.toString()), TIMEOUT);
            if (r.exitCode() != 0) {
                throw new IOException(output + ": cannot concatenate videos (" + r.lastErrorLine() + ")");
            }
            ParquetTables.moveAtomically(tmp, output);
        } finally {
            Files.deleteIfExists(list);
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public Probe probe(Path file) throws IOException {
        VideoInfo i = VideoProbe.probe(file);
        return new Probe(i.width(), i.height(), i.frameCount(), i.ptsSeconds(), i.lerobotInfo());
    }
}
