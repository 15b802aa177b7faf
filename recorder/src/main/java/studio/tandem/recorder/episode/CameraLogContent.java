package studio.tandem.recorder.episode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import studio.tandem.recorder.align.SkewStats;
import studio.tandem.recorder.stage.StageFiles;
import studio.tandem.recorder.stage.StageManifest;
import studio.tandem.recorder.stage.StagingLogReader;
import studio.tandem.recorder.video.StagedVideo;

/** The content of a staged {@code camera-N.log}: which frame every encoded row holds. */
final class CameraLogContent {
    final int index;
    long[] captures = new long[1024];
    long[] sequences = new long[1024];
    int logged;
    int rows;
    long frames;
    long dropped;

    private CameraLogContent(int index) {
        this.index = index;
    }

    /**
     * @param crashed whether the episode was not stopped cleanly: then the rows are also limited to
     *                the frames the staged video really holds
     */
    static CameraLogContent read(Path dir, int index, StageManifest m, StagedVideo video, boolean crashed)
            throws IOException {
        CameraLogContent c = new CameraLogContent(index);
        Path f = StageFiles.cameraLog(dir, index);
        if (Files.exists(f)) {
            new StagingLogReader(f).readAll((type, p) -> {
                if (type == StageFiles.FRAME) {
                    c.add(p.getInt(), p.getLong(), p.getLong());
                } else if (type == StageFiles.COUNTERS) {
                    c.frames = p.getLong();
                    c.dropped = p.getLong();
                }
            });
        }
        c.rows = c.logged;
        Path staged = StageFiles.stagedVideo(dir, index);
        if (crashed) {
            c.rows = Math.min(c.rows, video.countFrames(staged));
        }
        return c;
    }

    private void add(int row, long capture, long seq) throws IOException {
        if (row != logged) {
            throw new IOException("camera-" + index + ".log: row " + row + " where " + logged + " was expected");
        }
        if (logged == captures.length) {
            captures = Arrays.copyOf(captures, logged * 2);
            sequences = Arrays.copyOf(sequences, logged * 2);
        }
        captures[logged] = capture;
        sequences[logged] = seq;
        logged++;
    }

    /** Per-row skew, staleness and repeats over the first {@code n} rows. */
    StreamStats stats(StageManifest.CameraDecl d, long t0, long period, int n) {
        SkewStats skew = new SkewStats();
        long missing = 0;
        long repeated = 0;
        java.util.List<int[]> ranges = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            long s = captures[i] < 0 ? Long.MAX_VALUE : captures[i] - (t0 + i * period);
            if (captures[i] >= 0) {
                skew.add(s);
            }
            if (captures[i] < 0 || Math.abs(s) > d.maxStalenessNanos()) {
                missing++;
                if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == i) {
                    ranges.get(ranges.size() - 1)[1] = i + 1;
                } else {
                    ranges.add(new int[] {i, i + 1});
                }
            }
            if (i > 0 && sequences[i] == sequences[i - 1]) {
                repeated++;
            }
        }
        return new StreamStats(d.name(), frames, dropped, missing, repeated, skew.snapshot(), List.copyOf(ranges));
    }
}
