package studio.tandem.recorder.lerobot;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.tandem.dataset.feature.DType;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.lerobot.EpisodeBuffer;
import studio.tandem.dataset.lerobot.EpisodeEvent;
import studio.tandem.dataset.lerobot.EpisodeExtras;
import studio.tandem.dataset.lerobot.EpisodeRecord;
import studio.tandem.dataset.lerobot.EpisodeVideo;
import studio.tandem.dataset.lerobot.FeatureStats;
import studio.tandem.dataset.lerobot.FfmpegVideoFiles;
import studio.tandem.dataset.lerobot.ImageStatsSampler;
import studio.tandem.dataset.lerobot.LeRobotPaths;
import studio.tandem.dataset.lerobot.LeRobotWriter;
import studio.tandem.dataset.video.VideoDecoder;
import studio.tandem.recorder.align.AlignedColumn;
import studio.tandem.recorder.episode.DatasetSink;
import studio.tandem.recorder.episode.EpisodeData;
import studio.tandem.recorder.episode.Outcome;
import studio.tandem.recorder.episode.StreamStats;

/**
 * Saves recorded episodes into a LeRobot v3.0 dataset through {@link LeRobotWriter}: aligned vector
 * columns (NaN rows are the counted missing samples), the per-row task (language corrections), the
 * {@code intervention} column when the schema has one, the per-episode MP4s, success label, operator,
 * notes, events, {@code dropped_frames/<key>} per camera and, as a {@code stream_quality} event at
 * t = 0, every stream's skew and missing/repeated counts. Saver thread only.
 */
public final class LeRobotDatasetSink implements DatasetSink {
    /** Name of the per-row intervention flag column. */
    public static final String INTERVENTION = "intervention";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LeRobotWriter writer;

    private LeRobotDatasetSink(LeRobotWriter writer) {
        this.writer = writer;
    }

    /**
     * Opens the dataset at {@code root} to append (resuming across sessions), or creates it.
     *
     * @throws IOException naming the field when an existing dataset's fps or features differ
     */
    public static LeRobotDatasetSink openOrCreate(Path root, int fps, FeatureSet features, String robotType)
            throws IOException {
        FfmpegVideoFiles vf = new FfmpegVideoFiles();
        if (!Files.exists(root.resolve(LeRobotPaths.INFO))) {
            return new LeRobotDatasetSink(LeRobotWriter.create(root, fps, features, robotType, vf));
        }
        LeRobotWriter w = LeRobotWriter.open(root, vf);
        if (w.info().fps() != fps) {
            throw new IOException(root.resolve(LeRobotPaths.INFO) + ": fps is " + w.info().fps()
                    + ", this recording uses " + fps);
        }
        for (Feature f : features.all()) {
            if (w.info().features().get(f.name()).isEmpty()) {
                throw new IOException(root.resolve(LeRobotPaths.INFO) + ": the dataset has no feature '" + f.name()
                        + "' (recorded streams must match the dataset's features)");
            }
        }
        return new LeRobotDatasetSink(w);
    }

    /** Opens an existing dataset to append (recovery), its schema as it is. */
    public static LeRobotDatasetSink open(Path root) throws IOException {
        return new LeRobotDatasetSink(LeRobotWriter.open(root, new FfmpegVideoFiles()));
    }

    /** The dataset schema for a set of streams, plus the intervention flag. */
    public static FeatureSet features(List<VectorFeature> vectors, List<VisualFeature> cameras) {
        List<Feature> all = new ArrayList<>(vectors);
        all.addAll(cameras);
        all.add(VectorFeature.scalar(INTERVENTION, DType.BOOL));
        return FeatureSet.of(all);
    }

    /** Writes and deletes a one-row dataset of the same table schema in a temporary directory. */
    @Override
    public void warmUp() throws IOException {
        Path tmp = Files.createTempDirectory("tandem-warmup");
        try {
            FeatureSet tab = FeatureSet.of(writer.info().userFeatures().stream()
                    .filter(f -> !(f instanceof VisualFeature)).toList());
            try (LeRobotWriter w = LeRobotWriter.create(tmp.resolve("ds"), writer.info().fps(), tab, "warmup", null)) {
                EpisodeBuffer buf = new EpisodeBuffer(w.info().features(), 1);
                buf.setTaskForAll("warm-up");
                buf.setLength(1);
                w.appendEpisode(buf, Map.of(), EpisodeExtras.NONE);
            }
        } finally {
            studio.tandem.recorder.episode.StagedTree.delete(tmp);
        }
    }

    @Override
    public synchronized int appendEpisode(EpisodeData d) throws IOException {
        FeatureSet schema = writer.info().features();
        EpisodeBuffer buf = new EpisodeBuffer(schema, d.length());
        for (Map.Entry<String, AlignedColumn> e : d.vectors().entrySet()) {
            fill(buf, schema, e.getKey(), e.getValue(), d.length());
        }
        if (schema.contains(INTERVENTION)) {
            System.arraycopy(d.intervention(), 0, buf.bools(INTERVENTION), 0, d.length());
        }
        for (int i = 0; i < d.length(); i++) {
            buf.setTask(i, buf.taskId(d.taskPerFrame().get(i)));
        }
        buf.setLength(d.length());
        Map<String, EpisodeVideo> videos = new LinkedHashMap<>();
        for (Map.Entry<String, Path> v : d.videos().entrySet()) {
            FeatureStats st = d.imageStats().get(v.getKey());
            videos.put(v.getKey(), new EpisodeVideo(v.getValue(), st != null ? st : statsFromVideo(v.getValue())));
        }
        EpisodeRecord rec = writer.appendEpisode(buf, videos, extras(d));
        return (int) rec.episodeIndex();
    }

    private static void fill(EpisodeBuffer buf, FeatureSet schema, String name, AlignedColumn col, int rows) {
        Feature f = schema.get(name).orElseThrow(
                () -> new IllegalArgumentException("stream '" + name + "' is not a feature of the dataset"));
        int n = rows * col.width();
        switch (f.dtype()) {
            case FLOAT32 -> {
                float[] a = buf.floats(name);
                for (int i = 0; i < n; i++) {
                    a[i] = (float) col.values()[i];
                }
            }
            case FLOAT64 -> System.arraycopy(col.values(), 0, buf.doubles(name), 0, n);
            case INT64 -> {
                long[] a = buf.longs(name);
                for (int i = 0; i < n; i++) {
                    a[i] = Math.round(col.values()[i]);
                }
            }
            case BOOL -> {
                boolean[] a = buf.bools(name);
                for (int i = 0; i < n; i++) {
                    a[i] = col.values()[i] != 0;
                }
            }
            default -> throw new IllegalArgumentException(name + ": a vector stream cannot fill a "
                    + f.dtype().jsonName() + " feature");
        }
    }

    private static EpisodeExtras extras(EpisodeData d) throws IOException {
        Boolean success = d.outcome() == Outcome.UNLABELED ? null : d.outcome() == Outcome.SUCCESS;
        Map<String, Long> dropped = new LinkedHashMap<>();
        for (String k : d.videos().keySet()) {
            dropped.put(k, d.droppedFrames(k));
        }
        List<EpisodeEvent> events = new ArrayList<>();
        events.add(new EpisodeEvent(0, "stream_quality", quality(d.streams())));
        for (var e : d.events()) {
            events.add(new EpisodeEvent(e.timestamp(), e.kind(), e.text()));
        }
        return new EpisodeExtras(success, d.info().operator(), d.info().notes(), dropped, events);
    }

    private static String quality(Map<String, StreamStats> streams) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (StreamStats s : streams.values()) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("samples", s.samples());
            q.put("dropped", s.dropped());
            q.put("missing", s.missing());
            q.put("repeated", s.repeated());
            q.put("skew_mean_ms", s.skew().meanMs());
            q.put("skew_max_abs_ms", s.skew().maxAbsMs());
            q.put("missing_rows", s.missingRows());
            out.put(s.key(), q);
        }
        return JSON.writeValueAsString(out);
    }

    /** Image stats by decoding LeRobot's sample frames (recovered episodes only; slower). */
    static FeatureStats statsFromVideo(Path mp4) throws IOException {
        try (VideoDecoder dec = VideoDecoder.open(mp4)) {
            ByteBuffer rgb = ByteBuffer.allocateDirect(dec.frameBytes());
            ImageStatsSampler s = new ImageStatsSampler();
            int frames = studio.tandem.dataset.video.VideoProbe.probe(mp4).frameCount();
            int[] idx = ImageStatsSampler.sampleIndices(frames);
            int k = 0;
            for (int i = 0; i < frames && k < idx.length && dec.next(rgb); i++) {
                while (k < idx.length && idx[k] == i) {
                    s.add(rgb, dec.width(), dec.height());
                    k++;
                }
            }
            if (s.frames() == 0) {
                throw new IOException(mp4 + ": no frame could be decoded for the image statistics");
            }
            return s.result();
        }
    }

    /** Episodes in the dataset. */
    @Override
    public synchronized int episodeCount() {
        return (int) writer.info().totalEpisodes();
    }
}
