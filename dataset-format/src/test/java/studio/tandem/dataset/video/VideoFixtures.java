package studio.tandem.dataset.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import studio.tandem.dataset.video.synthetic.SyntheticFrames;

/** Test helpers: synthetic MP4s whose frame {@code i} carries barcode {@code base + i}, and ffprobe. */
final class VideoFixtures {

    static final long NANOS_PER_FRAME_30 = 1_000_000_000L / 30;

    private VideoFixtures() {
    }

    /** Encodes {@code frames} synthetic frames; frame i carries barcode {@code codeBase + i}. */
    static Path encode(Path file, int width, int height, int fps, int frames, long codeBase, VideoSettings s)
            throws VideoException {
        SyntheticFrames gen = new SyntheticFrames(width, height);
        try (VideoEncoder enc = VideoEncoder.open(file, width, height, fps, s)) {
            ByteBuffer buf = enc.inputBuffer();
            for (int i = 0; i < frames; i++) {
                gen.render(i, codeBase + i, buf);
                enc.encode(buf, i * 1_000_000_000L / fps);
            }
        }
        return file;
    }

    /** ffprobe's view of the first video stream and its packets, as JSON. */
    static JsonNode ffprobe(Path file) throws Exception {
        FfmpegTools.Result r = FfmpegTools.ffprobe(List.of("-v", "error", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,pix_fmt,r_frame_rate,avg_frame_rate,width,height,nb_frames",
                "-show_entries", "packet=pts_time", "-of", "json", file.toString()), Duration.ofSeconds(60));
        if (r.exitCode() != 0) {
            throw new AssertionError("ffprobe failed on " + file + ": " + r.stderr());
        }
        return new ObjectMapper().readTree(r.stdout());
    }

    /** The packets' pts in seconds as ffprobe prints them, sorted. */
    static double[] ffprobePts(JsonNode probe) {
        JsonNode packets = probe.get("packets");
        double[] pts = new double[packets.size()];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = packets.get(i).get("pts_time").asDouble();
        }
        java.util.Arrays.sort(pts);
        return pts;
    }
}
