package studio.tandem.dataset.lerobot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import studio.tandem.dataset.feature.VisualFeature;

/** The video part of {@link DatasetValidator}: files present, spans, frame counts and pts. */
final class VideoChecks {
    private VideoChecks() {
    }

    static void check(DatasetMeta m, VideoFiles videoFiles, List<String> p) {
        Map<Path, VideoFiles.Probe> probes = new HashMap<>();
        for (EpisodeRecord r : m.episodes()) {
            for (VisualFeature v : m.info().features().videos()) {
                VideoSpan s = r.videos().get(v.name());
                String ep = "episode " + r.episodeIndex() + " camera '" + v.name() + "'";
                if (s == null) {
                    p.add(m.root().resolve("meta/episodes") + ": " + ep + " has no video columns");
                    continue;
                }
                Path file = m.root().resolve(m.info().videoFile(v.name(), s.chunkIndex(), s.fileIndex()));
                if (!Files.isRegularFile(file)) {
                    if (!probes.containsKey(file)) {
                        p.add(file + ": video file is missing");
                        probes.put(file, null);
                    }
                    continue;
                }
                if (videoFiles != null) {
                    checkFrames(m, r, s, file, ep, probes, videoFiles, p);
                }
            }
        }
    }

    private static void checkFrames(DatasetMeta m, EpisodeRecord r, VideoSpan s, Path file, String ep,
            Map<Path, VideoFiles.Probe> probes, VideoFiles videoFiles, List<String> p) {
        VideoFiles.Probe probe = probes.get(file);
        if (probe == null) {
            try {
                probe = videoFiles.probe(file);
                probes.put(file, probe);
            } catch (IOException | RuntimeException e) {
                p.add(file + ": cannot be probed (" + e.getMessage() + ")");
                probes.put(file, null);
                return;
            }
        }
        double fps = m.info().fps();
        double[] pts = probe.ptsSeconds();
        int first = (int) Math.round(s.fromTimestamp() * fps);
        if (first + r.length() > pts.length) {
            p.add(file + ": " + ep + " needs frames " + first + ".." + (first + r.length() - 1) + " but the file has "
                    + pts.length);
            return;
        }
        if (Math.abs((s.toTimestamp() - s.fromTimestamp()) - r.length() / fps) > DatasetValidator.PTS_TOLERANCE) {
            p.add(file + ": " + ep + " spans " + (s.toTimestamp() - s.fromTimestamp()) + " s for " + r.length()
                    + " frames at " + m.info().fps() + " fps");
        }
        for (int i = 0; i < r.length(); i++) {
            double want = s.fromTimestamp() + i / fps;
            if (Math.abs(pts[first + i] - want) > DatasetValidator.PTS_TOLERANCE) {
                p.add(file + ": " + ep + " frame " + i + " has pts " + pts[first + i] + " s, expected " + want
                        + " s (tolerance 1e-4 s)");
                return;
            }
        }
    }
}
