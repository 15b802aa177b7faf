package studio.tandem.dataset.video.bench;

import java.util.ArrayList;
import java.util.List;
import studio.tandem.dataset.video.VideoSettings;

/** The {@code ffmpeg} command-line options equivalent to a {@link VideoSettings} (for comparisons). */
public final class FfmpegArgs {

    private FfmpegArgs() {
    }

    /** Output options: codec, pixel format, gop, no B-frames, threads, quality or bitrate, preset, extras. */
    public static List<String> of(VideoSettings s) {
        List<String> a = new ArrayList<>(List.of("-c:v", s.codec(), "-pix_fmt", VideoSettings.PIX_FMT,
                "-g", Integer.toString(s.gop()), "-bf", "0", "-threads", Integer.toString(s.threads())));
        if (s.bitrate() > 0) {
            a.addAll(List.of("-b:v", Long.toString(s.bitrate())));
        } else if ("mpeg4".equals(s.codec())) {
            a.addAll(List.of("-q:v", Integer.toString(s.quality())));
        } else if (!"libopenh264".equals(s.codec())) {
            a.addAll(List.of("-crf", Integer.toString(s.quality()), "-b:v", "0"));
        }
        if (!s.preset().isEmpty()) {
            a.addAll(List.of("-preset", s.preset()));
        }
        s.options().forEach((k, v) -> a.addAll(List.of("-" + k, v)));
        return a;
    }
}
