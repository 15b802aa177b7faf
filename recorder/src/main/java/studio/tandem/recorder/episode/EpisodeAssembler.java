package studio.tandem.recorder.episode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.tandem.dataset.lerobot.FeatureStats;
import studio.tandem.recorder.align.AlignedColumn;
import studio.tandem.recorder.align.SampleSeries;
import studio.tandem.recorder.align.SamplingRule;
import studio.tandem.recorder.align.VectorAligner;
import studio.tandem.recorder.stage.StageFiles;
import studio.tandem.recorder.stage.StageManifest;
import studio.tandem.recorder.stage.StagingLogReader;
import studio.tandem.recorder.video.StagedVideo;

/**
 * Turns a staged episode directory into {@link EpisodeData}: reads the logs, decides the number of
 * rows, aligns the vector streams, places events on rows, measures camera skew from the frame logs
 * and finishes the per-episode MP4s. The same code saves a stopped episode and recovers one cut by a
 * crash (then the rows end where every stream's durable data ends). Saver or recovery thread.
 */
public final class EpisodeAssembler {
    private final StagedVideo video;

    public EpisodeAssembler(StagedVideo video) {
        this.video = video;
    }

    /** The assembled episode, plus what recovery had to cut (empty for a clean stop). */
    public record Assembled(EpisodeData data, List<String> notes) {
    }

    /**
     * @throws IOException naming the file and what is wrong, when the episode cannot be assembled
     *                     (no manifest, no rows, unreadable video)
     */
    public Assembled assemble(Path dir) throws IOException {
        return assemble(dir, false, Map.of());
    }

    /**
     * @param verifyVideo also limit the rows to the frames the staged videos really hold (an encoder
     *                    failed); always done when the episode has no stop record (a crash)
     * @param imageStats  image statistics the encoders computed, by camera (used if the rows match)
     */
    public Assembled assemble(Path dir, boolean verifyVideo, Map<String, FeatureStats> imageStats)
            throws IOException {
        StageManifest m = StageManifest.read(dir);
        long period = m.periodNanos();
        VectorLogContent vl = VectorLogContent.read(dir, m);
        List<String> notes = new ArrayList<>();
        if (vl.damaged) {
            notes.add("vectors.log: torn tail ignored (crash)");
        }
        List<CameraLogContent> cams = new ArrayList<>();
        for (int c = 0; c < m.cameras().size(); c++) {
            cams.add(CameraLogContent.read(dir, c, m, video, verifyVideo || vl.stopRows < 0));
        }
        int rows = rows(m, vl, cams, notes);
        if (rows < 1) {
            throw new IOException(dir + ": no complete row was recorded (nothing to save)");
        }
        Map<String, AlignedColumn> vectors = new LinkedHashMap<>();
        Map<String, StreamStats> streams = new LinkedHashMap<>();
        for (int s = 0; s < m.vectors().size(); s++) {
            StageManifest.VectorDecl d = m.vectors().get(s);
            AlignedColumn col = VectorAligner.align(vl.series.get(s), m.t0Nanos(), period, rows,
                    SamplingRule.valueOf(d.rule()), d.maxStalenessNanos());
            vectors.put(d.name(), col);
            streams.put(d.name(), new StreamStats(d.name(), vl.series.get(s).size(), vl.overflows[s],
                    col.missing(), 0, col.skew(), col.missingRows()));
        }
        Map<String, Path> videos = new LinkedHashMap<>();
        for (int c = 0; c < cams.size(); c++) {
            StageManifest.CameraDecl d = m.cameras().get(c);
            Path out = StageFiles.finalVideo(dir, c);
            video.finish(StageFiles.stagedVideo(dir, c), out, rows);
            videos.put(d.name(), out);
            streams.put(d.name(), cams.get(c).stats(d, m.t0Nanos(), period, rows));
        }
        EventPlacement ev = EventPlacement.place(vl.events, m.t0Nanos(), period, rows, vl.task);
        EpisodeInfo info = new EpisodeInfo(vl.task, m.operator(), vl.notes);
        EpisodeData data = new EpisodeData(m.t0Nanos(), rows, m.fps(), info, vl.outcome, ev.taskPerFrame(), vectors, videos,
                ev.intervention(), ev.events(), imageStats, streams);
        return new Assembled(data, notes);
    }

    private static int rows(StageManifest m, VectorLogContent vl, List<CameraLogContent> cams, List<String> notes) {
        if (vl.stopRows >= 0) {
            int rows = vl.stopRows;
            for (CameraLogContent c : cams) {
                if (c.rows < rows) {
                    notes.add("camera " + c.index + ": only " + c.rows + " of " + rows + " rows encoded");
                    rows = c.rows;
                }
            }
            return rows;
        }
        long last = vl.lastTimeNanos;
        int rows = last < m.t0Nanos() ? 0 : (int) ((last - m.t0Nanos()) / m.periodNanos()) + 1;
        if (m.vectors().isEmpty()) {
            rows = Integer.MAX_VALUE;
        }
        for (CameraLogContent c : cams) {
            rows = Math.min(rows, c.rows);
        }
        rows = rows == Integer.MAX_VALUE ? 0 : rows;
        notes.add("recovered after a crash: " + rows + " rows (" + String.format(java.util.Locale.ROOT, "%.2f",
                rows / m.fps()) + " s) up to the last durable data");
        return rows;
    }

    /** The content of a staged {@code vectors.log}. */
    static final class VectorLogContent {
        final List<SampleSeries> series = new ArrayList<>();
        final long[] overflows;
        final List<RecorderEvent> events = new ArrayList<>();
        String task;
        String notes;
        Outcome outcome = Outcome.UNLABELED;
        int stopRows = -1;
        long lastTimeNanos = Long.MIN_VALUE;
        boolean damaged;

        private VectorLogContent(StageManifest m) {
            for (StageManifest.VectorDecl d : m.vectors()) {
                series.add(new SampleSeries(d.length(), 1024));
            }
            overflows = new long[m.vectors().size()];
            task = m.task();
            notes = m.notes();
        }

        static VectorLogContent read(Path dir, StageManifest m) throws IOException {
            VectorLogContent c = new VectorLogContent(m);
            Path f = StageFiles.vectorLog(dir);
            if (!Files.exists(f)) {
                return c;
            }
            StagingLogReader r = new StagingLogReader(f);
            double[] tmp = new double[m.vectors().stream().mapToInt(StageManifest.VectorDecl::length).max().orElse(1)];
            r.readAll((type, p) -> c.onRecord(type, p, tmp));
            c.damaged = r.damagedTail();
            return c;
        }

        private void onRecord(byte type, ByteBuffer p, double[] tmp) throws IOException {
            switch (type) {
                case StageFiles.VECTOR -> {
                    int s = p.getShort();
                    long t = p.getLong();
                    SampleSeries ser = series.get(s);
                    for (int e = 0; e < ser.width(); e++) {
                        tmp[e] = p.getDouble();
                    }
                    ser.add(t, tmp, 0);
                    lastTimeNanos = Math.max(lastTimeNanos, t);
                }
                case StageFiles.EVENT -> {
                    long t = p.getLong();
                    String kind = string(p, p.getShort());
                    events.add(RecorderEvent.of(kind, t, string(p, p.remaining())));
                }
                case StageFiles.META -> applyMeta(string(p, p.remaining()));
                case StageFiles.STOP -> {
                    p.getLong();
                    stopRows = p.getInt();
                }
                case StageFiles.COUNTERS -> {
                    int s = p.getShort();
                    overflows[s] = p.getLong();
                }
                default -> throw new IOException("vectors.log: unknown record type " + type);
            }
        }

        private void applyMeta(String json) throws IOException {
            MetaUpdate u = MetaUpdate.parse(json);
            if (u.task() != null) {
                task = u.task();
            }
            if (u.notes() != null) {
                notes = u.notes();
            }
            if (u.outcome() != null) {
                outcome = u.outcome();
            }
        }

        private static String string(ByteBuffer p, int len) {
            byte[] b = new byte[len];
            p.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }
}
