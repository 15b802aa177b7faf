package studio.tandem.dataset.rlds;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import studio.tandem.dataset.feature.DType;
import studio.tandem.dataset.feature.TextFeature;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.lerobot.DatasetInfo;
import studio.tandem.dataset.lerobot.EpisodeRecord;
import studio.tandem.dataset.lerobot.LeRobotPaths;
import studio.tandem.dataset.lerobot.VideoSpan;
import studio.tandem.dataset.parquet.ColumnData;

/** One episode of a {@link LeRobotEpisodeSource}: its rows of the data file and its video spans. */
final class LeRobotEpisode implements SourceEpisode {
    private final Path root;
    private final DatasetInfo info;
    private final List<String> tasks;
    private final EpisodeRecord rec;
    private final String dataFile;
    private final DataFileCache.Rows rows;

    LeRobotEpisode(Path root, DatasetInfo info, List<String> tasks, EpisodeRecord rec, String dataFile,
            DataFileCache.Rows rows) {
        this.root = root;
        this.info = info;
        this.tasks = tasks;
        this.rec = rec;
        this.dataFile = dataFile;
        this.rows = rows;
    }

    @Override
    public int episodeIndex() {
        return (int) rec.episodeIndex();
    }

    @Override
    public int length() {
        return rows.length();
    }

    @Override
    public String filePath() {
        return dataFile + "#episode=" + rec.episodeIndex();
    }

    @Override
    public Optional<Boolean> success() {
        return Optional.ofNullable(rec.extras().success());
    }

    @Override
    public double[] numbers(VectorFeature f) throws IOException {
        ColumnData c = rows.column(f.name());
        int n = f.length();
        double[] out = new double[rows.length() * n];
        for (int i = 0; i < rows.length(); i++) {
            int r = rows.first() + i;
            if (c.isNull(r) || c.count(r) != n) {
                throw new IOException(dataFile + ": column '" + f.name() + "' row " + r + " has "
                        + (c.isNull(r) ? "null" : c.count(r) + " values") + ", expected " + n);
            }
            for (int d = 0; d < n; d++) {
                int at = c.offsets()[r] + d;
                out[i * n + d] = f.dtype() == DType.INT64 ? c.longs()[at] : c.doubles()[at];
            }
        }
        return out;
    }

    @Override
    public List<String> texts(TextFeature f) throws IOException {
        ColumnData c = rows.column(f.name());
        List<String> out = new ArrayList<>(rows.length());
        for (int i = 0; i < rows.length(); i++) {
            String s = c.stringAt(rows.first() + i);
            out.add(s == null ? "" : s);
        }
        return out;
    }

    @Override
    public List<String> instructions() throws IOException {
        ColumnData c = rows.column("task_index");
        List<String> out = new ArrayList<>(rows.length());
        for (int i = 0; i < rows.length(); i++) {
            long t = c.longAt(rows.first() + i);
            if (t < 0 || t >= tasks.size()) {
                throw new IOException(dataFile + ": row " + (rows.first() + i) + " has task_index " + t + ", but "
                        + LeRobotPaths.TASKS + " has " + tasks.size() + " tasks");
            }
            out.add(tasks.get((int) t));
        }
        return out;
    }

    @Override
    public FrameCursor frames(VisualFeature camera) throws IOException {
        if (camera.dtype() != DType.VIDEO) {
            throw new IOException(camera.name() + ": image features stored in Parquet are not supported by the RLDS export yet");
        }
        VideoSpan span = rec.videos().get(camera.name());
        if (span == null) {
            throw new IOException("meta/episodes: episode " + rec.episodeIndex() + " has no video span for '"
                    + camera.name() + "'");
        }
        String rel = LeRobotPaths.format(info.videoPath(), camera.name(), span.chunkIndex(), span.fileIndex());
        Path file = root.resolve(rel);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new NoSuchFileException(rel + ": video of camera '" + camera.name() + "' is missing");
        }
        return new VideoFrameCursor(file, span.fromTimestamp(), rows.length());
    }
}
