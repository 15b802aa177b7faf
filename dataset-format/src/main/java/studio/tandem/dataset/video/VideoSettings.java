package studio.tandem.dataset.video;

import java.util.Map;
import java.util.Objects;

/**
 * How camera streams are encoded: an FFmpeg encoder of the bundled (LGPL) build and its knobs.
 * The container is always MP4, the pixel format always {@code yuv420p} (what LeRobot writes and
 * its decoders expect), frame {@code i} always has pts {@code i / fps}.
 *
 * <p>{@code quality} is the codec's own constant-quality scale: CRF for {@code libsvtav1} (0..63, with
 * bitrate 0), qscale for {@code mpeg4} (2 best .. 31), ignored by {@code libopenh264}, which is rate
 * controlled ({@code bitrate}). {@code gop} is the keyframe interval in frames (LeRobot uses 2, so a
 * random-access read decodes at most 2 frames). {@code threads} is the encoder's own thread count
 * (1 per camera keeps 3 cameras from fighting over 2 cores). {@code options} are extra private options
 * passed to the encoder ({@code avcodec_open2}); an option the encoder does not know is an error.
 *
 * @param codec       FFmpeg encoder name: {@code mpeg4}, {@code libopenh264}, {@code libsvtav1}, ...
 * @param gop         keyframe interval in frames, ≥ 1
 * @param quality     constant-quality value in the codec's scale (see above), ≥ 0
 * @param preset      encoder speed preset ({@code libsvtav1}: 0..13), or empty for none
 * @param bitrate     target bits per second; 0 means constant quality
 * @param threads     encoder threads, ≥ 1
 * @param options     extra encoder options (name → value), may be empty
 */
public record VideoSettings(String codec, int gop, int quality, String preset, long bitrate, int threads,
        Map<String, String> options) {

    /** The only pixel format this layer writes. */
    public static final String PIX_FMT = "yuv420p";

    public VideoSettings {
        Objects.requireNonNull(codec, "codec");
        if (codec.isBlank()) {
            throw new IllegalArgumentException("video codec: empty");
        }
        if (gop < 1) {
            throw new IllegalArgumentException("video gop: must be >= 1, was " + gop);
        }
        if (quality < 0) {
            throw new IllegalArgumentException("video quality: must be >= 0, was " + quality);
        }
        if (bitrate < 0) {
            throw new IllegalArgumentException("video bitrate: must be >= 0, was " + bitrate);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("video threads: must be >= 1, was " + threads);
        }
        preset = preset == null ? "" : preset;
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /**
     * The default for live recording: MPEG-4 Part 2 at qscale 4, keyframe every 2 frames, 1 thread.
     * Measured on a 2-core machine at 1.3 ms of CPU per 640×480 frame unpaced (about 2.3 ms paced at
     * 30 fps beside the camera threads, caches cold), so 3 cameras at 30 fps need 0.12–0.21 of one
     * core; every FFmpeg-based decoder (PyAV, torchcodec) reads it.
     */
    public static VideoSettings live() {
        return new VideoSettings("mpeg4", 2, 4, "", 0, 1, Map.of());
    }

    /**
     * LeRobot's own default ({@code libsvtav1}, crf 30, gop 2, bitrate 0): about half the size of
     * {@link #live()} on noisy test content but ~40 ms of CPU per 640×480 frame at preset 10 (its
     * fastest), too slow for live recording of 3 cameras on 2 cores; meant for offline re-encoding.
     */
    public static VideoSettings lerobotAv1() {
        return new VideoSettings("libsvtav1", 2, 30, "10", 0, 2, Map.of());
    }

    /** H.264 through OpenH264 (in the LGPL build), rate controlled at {@code bitsPerSecond}, gop 2. */
    public static VideoSettings openh264(long bitsPerSecond) {
        return new VideoSettings("libopenh264", 2, 0, "", bitsPerSecond, 1, Map.of());
    }

    /** A copy with another keyframe interval. */
    public VideoSettings withGop(int newGop) {
        return new VideoSettings(codec, newGop, quality, preset, bitrate, threads, options);
    }

    /** A copy with another quality value. */
    public VideoSettings withQuality(int newQuality) {
        return new VideoSettings(codec, gop, newQuality, preset, bitrate, threads, options);
    }

    /** A copy with another encoder thread count. */
    public VideoSettings withThreads(int newThreads) {
        return new VideoSettings(codec, gop, quality, preset, bitrate, newThreads, options);
    }
}
