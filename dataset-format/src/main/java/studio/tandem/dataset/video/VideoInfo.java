package studio.tandem.dataset.video;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link VideoProbe} found in an MP4's first video stream.
 *
 * @param file        the file probed
 * @param codec       FFmpeg's codec name ({@code av1}, {@code h264}, {@code mpeg4}, ...)
 * @param width       frame width in pixels
 * @param height      frame height in pixels
 * @param pixelFormat FFmpeg's pixel format name ({@code yuv420p}, ...)
 * @param fpsNum      frame-rate numerator (the stream's average frame rate)
 * @param fpsDen      frame-rate denominator
 * @param ptsSeconds  presentation time of every frame in seconds, ascending (copied; never shared)
 */
public record VideoInfo(Path file, String codec, int width, int height, String pixelFormat, int fpsNum,
        int fpsDen, double[] ptsSeconds) {

    public VideoInfo {
        ptsSeconds = ptsSeconds.clone();
    }

    /** Number of frames (packets of the video stream). */
    public int frameCount() {
        return ptsSeconds.length;
    }

    /** Frames per second as a double ({@code fpsNum / fpsDen}; 0 if unknown). */
    public double fps() {
        return fpsDen == 0 ? 0 : (double) fpsNum / fpsDen;
    }

    /** A copy of the presentation times in seconds, ascending. */
    @Override
    public double[] ptsSeconds() {
        return ptsSeconds.clone();
    }

    /** Presentation time of frame {@code i} in seconds. */
    public double ptsSeconds(int i) {
        return ptsSeconds[i];
    }

    /**
     * The {@code info} block LeRobot v3.0 stores for a video feature in {@code meta/info.json}
     * (keys {@code video.height}, {@code video.width}, {@code video.codec}, {@code video.pix_fmt},
     * {@code video.is_depth_map}, {@code video.fps}, {@code video.channels}, {@code has_audio}).
     */
    public Map<String, Object> lerobotInfo() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("video.height", height);
        m.put("video.width", width);
        m.put("video.codec", codec);
        m.put("video.pix_fmt", pixelFormat);
        m.put("video.is_depth_map", false);
        m.put("video.fps", fpsDen == 1 ? (Object) fpsNum : (Object) fps());
        m.put("video.channels", 3);
        m.put("has_audio", false);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VideoInfo v && file.equals(v.file) && codec.equals(v.codec) && width == v.width
                && height == v.height && pixelFormat.equals(v.pixelFormat) && fpsNum == v.fpsNum
                && fpsDen == v.fpsDen && Arrays.equals(ptsSeconds, v.ptsSeconds);
    }

    @Override
    public int hashCode() {
        return 31 * file.hashCode() + Arrays.hashCode(ptsSeconds);
    }

    @Override
    public String toString() {
        return file + ": " + codec + " " + width + "x" + height + " " + pixelFormat + " " + fpsNum + "/" + fpsDen
                + " fps, " + ptsSeconds.length + " frames";
    }
}
