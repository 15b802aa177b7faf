package studio.tandem.dataset.video;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;

/** Small helpers shared by the FFmpeg wrappers of this package. Not thread-bound; stateless. */
final class Ffmpeg {

    /** {@code AVERROR(EAGAIN)} on Linux and macOS. */
    static final int AVERROR_EAGAIN = -11;
    /** FFmpeg's {@code FF_QP2LAMBDA}: one quantiser step in lambda units. */
    static final int QP2LAMBDA = 118;

    private Ffmpeg() {
    }

    /** FFmpeg's text for an error code. Error path only (allocates). */
    static String describe(int code) {
        byte[] buf = new byte[256];
        av_strerror(code, buf, buf.length);
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8) + " (" + code + ")";
    }

    /** Throws a {@link VideoException} naming {@code file} and {@code what} if {@code code} is negative. */
    static int check(int code, Path file, String what) throws VideoException {
        if (code < 0) {
            throw new VideoException(file, what + " failed: " + describe(code));
        }
        return code;
    }

    /** The name FFmpeg gives a pixel format, e.g. {@code yuv420p}; {@code "none"} if unknown. */
    static String pixelFormatName(int format) {
        var name = avutil.av_get_pix_fmt_name(format);
        return name == null || name.isNull() ? "none" : name.getString();
    }

    /** Keeps the FFmpeg libraries quiet on stderr: errors reach the caller as {@link VideoException}s. */
    static void quiet() {
        if (avutil.av_log_get_level() > avutil.AV_LOG_FATAL) {
            avutil.av_log_set_level(avutil.AV_LOG_FATAL);
        }
    }
}
