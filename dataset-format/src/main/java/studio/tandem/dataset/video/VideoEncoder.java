package studio.tandem.dataset.video;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;

/**
 * Encodes RGB24 frames into one MP4 file (one video stream, {@code yuv420p}, frame {@code i} at pts
 * exactly {@code i / fps}; the stream's frame rate is the dataset fps). The file is written under a
 * temporary name beside the target and moved into place atomically by {@link #close()}, so a reader
 * never sees a half-written file.
 *
 * <p>{@link #rollOver} finishes the current file and continues in a new one with the same open codec,
 * scaler and frames (each file complete and starting with a keyframe at pts 0), so short staged
 * segments cost no encoder re-open.
 *
 * <p>Threading: one instance belongs to one thread (a camera's encoder thread); it is not thread-safe.
 * {@link #encode} allocates nothing on the Java heap per frame: AVFrames, the packet, the scaler and
 * the rational numbers are allocated once in {@link #open}; a direct input buffer is read in place.
 */
public final class VideoEncoder implements AutoCloseable {

    /**
     * RGB24 to YUV420P: same size, so luma is a plain per-pixel conversion; chroma is computed at full
     * horizontal resolution (SIMD input path) and then halved by the bilinear filter. Measured at
     * 640×480 (FFmpeg 8.0.1, thread CPU, min of 6): 0.39 ms vs 0.63 ms for plain {@code SWS_BILINEAR}
     * (2-pixel C averaging) and 0.65 ms for {@code SWS_BICUBIC} (the ffmpeg CLI's default); luma is
     * bit-identical, chroma differs by 0.08–0.14 levels on average from plain bilinear.
     */
    static final int SWS_FLAGS = SWS_BILINEAR | SWS_FULL_CHR_H_INP;

    private final int width;
    private final int height;
    private final int fps;
    private final int frameBytes;
    private final Natives n = new Natives();
    private final AVRational codecTimeBase;
    private VideoSettings settings;
    private Path target;
    private Mp4File file;
    private ByteBuffer input;
    private int frameQuality;
    /** Codec pts of the current file's first frame (frames encoded into earlier files). */
    private long ptsBase;
    private long frames;
    private long packets;
    private long firstCapture;
    private long maxAbsSkew;
    private double skewSum;
    private boolean closed;
    private boolean failed;

    private VideoEncoder(Path target, int width, int height, int fps) {
        this.target = target;
        this.width = width;
        this.height = height;
        this.fps = fps;
        this.frameBytes = width * height * 3;
        this.codecTimeBase = av_make_q(1, fps);
    }

    /**
     * Opens an encoder writing {@code target} (replaced on {@link #close()} if it exists).
     *
     * @param width  frame width in pixels (even, ≥ 16)
     * @param height frame height in pixels (even, ≥ 16)
     * @param fps    dataset frames per second (integer, as in LeRobot's {@code info.json})
     * @throws VideoException if the encoder is not in the bundled FFmpeg, rejects a setting, or the
     *                        file cannot be created
     */
    public static VideoEncoder open(Path target, int width, int height, int fps, VideoSettings settings)
            throws VideoException {
        if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
            throw new VideoException(target, "frame size " + width + "x" + height + " must be even and >= 16");
        }
        if (fps < 1 || fps > 1000) {
            throw new VideoException(target, "fps " + fps + " out of range 1..1000");
        }
        Ffmpeg.quiet();
        VideoEncoder enc = new VideoEncoder(target, width, height, fps);
        try {
            enc.setUp(settings);
            enc.file = Mp4File.create(target, enc.n.codec, enc.codecTimeBase, fps);
            return enc;
        } catch (VideoException | RuntimeException e) {
            enc.failed = true;
            enc.closeQuietly();
            throw e;
        }
    }

    private void setUp(VideoSettings s) throws VideoException {
        settings = s;
        openCodec(s);
        allocateFrames();
    }

    private void openCodec(VideoSettings s) throws VideoException {
        AVCodec codec = avcodec_find_encoder_by_name(s.codec());
        if (codec == null || codec.isNull()) {
            throw new VideoException(target, "video encoder '" + s.codec() + "' is not in the bundled FFmpeg");
        }
        n.codec = avcodec_alloc_context3(codec);
        configure(n.codec, s);
        openCodec(codec, s);
    }

    private void configure(AVCodecContext c, VideoSettings s) {
        c.width(width).height(height).pix_fmt(AV_PIX_FMT_YUV420P).sample_aspect_ratio(av_make_q(1, 1));
        c.time_base(codecTimeBase).framerate(av_make_q(fps, 1));
        c.gop_size(s.gop()).max_b_frames(0).thread_count(s.threads());
        if (Mp4File.wantsGlobalHeader()) {
            c.flags(c.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        c.bit_rate(s.bitrate());
        if ("mpeg4".equals(s.codec()) && s.bitrate() == 0) {
            c.flags(c.flags() | AV_CODEC_FLAG_QSCALE);
            c.global_quality(Math.max(1, s.quality()) * Ffmpeg.QP2LAMBDA);
            frameQuality = c.global_quality();
        }
    }

    private void openCodec(AVCodec codec, VideoSettings s) throws VideoException {
        AVDictionary opts = new AVDictionary(null);
        try {
            boolean crf = s.bitrate() == 0 && !"mpeg4".equals(s.codec()) && !"libopenh264".equals(s.codec());
            if (crf) {
                av_dict_set(opts, "crf", Integer.toString(s.quality()), 0);
            }
            if (!s.preset().isEmpty()) {
                av_dict_set(opts, "preset", s.preset(), 0);
            }
            s.options().forEach((k, v) -> av_dict_set(opts, k, v, 0));
            Ffmpeg.check(avcodec_open2(n.codec, codec, opts), target, "opening encoder " + s.codec());
            if (av_dict_count(opts) > 0) {
                String unknown = av_dict_get(opts, "", null, AV_DICT_IGNORE_SUFFIX).key().getString();
                throw new VideoException(target, "encoder " + s.codec() + " does not know option '" + unknown + "'");
            }
        } finally {
            av_dict_free(opts);
        }
    }

    private void allocateFrames() throws VideoException {
        n.yuv = av_frame_alloc();
        n.yuv.format(AV_PIX_FMT_YUV420P).width(width).height(height);
        Ffmpeg.check(av_frame_get_buffer(n.yuv, 0), target, "allocating a YUV frame");
        n.rgb = av_frame_alloc();
        n.rgb.format(AV_PIX_FMT_RGB24).width(width).height(height);
        Ffmpeg.check(av_frame_get_buffer(n.rgb, 1), target, "allocating an RGB frame");
        n.own = n.rgb.data(0);
        input = n.own.capacity(frameBytes).asByteBuffer();
        n.sws = sws_getContext(width, height, AV_PIX_FMT_RGB24, width, height, AV_PIX_FMT_YUV420P,
                SWS_FLAGS, null, null, (double[]) null);
        if (n.sws == null || n.sws.isNull()) {
            throw new VideoException(target, "no RGB to YUV converter for " + width + "x" + height);
        }
        n.packet = av_packet_alloc();
    }

    /**
     * The encoder's own input frame ({@code width*height*3} bytes, RGB24, rows top to bottom, no
     * padding). A caller that renders straight into it and passes it to {@link #encode} saves a copy.
     */
    public ByteBuffer inputBuffer() {
        return input;
    }

    /**
     * Encodes the next frame; it gets pts {@code framesEncoded() / fps}. Encoder thread only.
     *
     * @param rgb24        {@code width*height*3} bytes of RGB24 from its position (not moved), direct or
     *                     heap; a direct buffer is read in place (no copy), a heap one is copied; either
     *                     way it is no longer read once this returns, so the caller may reuse it at once
     * @param captureNanos when the frame was captured ({@code NanoClock} nanoseconds); only used for
     *                     the capture-skew statistics, never for the pts
     */
    public void encode(ByteBuffer rgb24, long captureNanos) throws VideoException {
        ensureWritable();
        boolean inPlace = false;
        if (rgb24 != input) {
            if (rgb24.remaining() < frameBytes) {
                throw new VideoException(target, "frame buffer holds " + rgb24.remaining() + " bytes, "
                        + frameBytes + " needed for " + width + "x" + height + " RGB24");
            }
            inPlace = rgb24.isDirect();
            if (inPlace) {
                n.rgb.data(0, n.caller.aim(rgb24, frameBytes));
            } else {
                input.put(0, rgb24, rgb24.position(), frameBytes);
            }
        }
        failed = true;
        Ffmpeg.check(av_frame_make_writable(n.yuv), target, "making the frame writable");
        int converted = sws_scale_frame(n.sws, n.yuv, n.rgb);
        if (inPlace) {
            n.rgb.data(0, n.own);
        }
        Ffmpeg.check(converted, target, "RGB to YUV conversion");
        sendFrame();
        drain();
        failed = false;
        recordSkew(captureNanos);
        frames++;
    }

    private void sendFrame() throws VideoException {
        n.yuv.pts(ptsBase + frames);
        if (frameQuality > 0) {
            n.yuv.quality(frameQuality);
        }
        // each file starts with a keyframe, also when the codec continues from an earlier file
        n.yuv.pict_type(frames == 0 ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        Ffmpeg.check(avcodec_send_frame(n.codec, n.yuv), target, "encoding a frame");
    }

    private void recordSkew(long captureNanos) {
        if (frames == 0) {
            firstCapture = captureNanos;
            return;
        }
        long expected = firstCapture + frames * 1_000_000_000L / fps;
        long skew = captureNanos - expected;
        skewSum += skew;
        long abs = Math.abs(skew);
        if (abs > maxAbsSkew) {
            maxAbsSkew = abs;
        }
    }

    private void drain() throws VideoException {
        while (true) {
            int r = avcodec_receive_packet(n.codec, n.packet);
            if (r == Ffmpeg.AVERROR_EAGAIN || r == AVERROR_EOF) {
                return;
            }
            Ffmpeg.check(r, target, "receiving an encoded packet");
            file.write(n.packet, ptsBase);
            packets++;
        }
    }

    /** Frames encoded into the current file so far (the pts of its next frame, in frames). */
    public long framesEncoded() {
        return frames;
    }

    /** Counters and capture skew of the current file so far. Encoder thread, or any thread once it is done. */
    public EncodeStats stats() {
        double mean = frames > 1 ? skewSum / (frames - 1) : 0;
        return new EncodeStats(frames, packets, maxAbsSkew, mean);
    }

    /** The file this encoder is writing, produced on {@link #close()} or {@link #rollOver}. */
    public Path target() {
        return target;
    }

    /**
     * Finishes the current file (MP4 index, atomic move onto its target, exactly as {@link #close()})
     * and continues in {@code next}: its first frame is a keyframe at pts 0, counters and statistics
     * restart. The codec, scaler and frames stay open, so this costs no encoder re-open. Encoder thread.
     * A codec that held frames back ({@code packets < frames}, e.g. with lookahead) is instead flushed
     * into the current file and re-opened, as a new encoder would be.
     *
     * @throws VideoException if no frame went into the current file, or finishing it or creating
     *                        {@code next} fails (the encoder is then unusable; {@link #close()} throws)
     */
    public void rollOver(Path next) throws VideoException {
        ensureWritable();
        if (frames == 0) {
            throw new VideoException(target, "no frame was encoded");
        }
        failed = true;
        boolean heldBack = packets < frames;
        if (heldBack) {
            // a codec with frames in flight (B-frames, lookahead) is flushed and opened afresh
            Ffmpeg.check(avcodec_send_frame(n.codec, null), target, "flushing the encoder");
            drain();
        }
        Mp4File done = file;
        file = null;
        try {
            done.finish();
        } finally {
            done.discard();
        }
        if (heldBack) {
            avcodec_free_context(n.codec);
            openCodec(settings);
            ptsBase = -frames;
        }
        ptsBase += frames;
        frames = 0;
        packets = 0;
        maxAbsSkew = 0;
        skewSum = 0;
        target = next;
        file = Mp4File.create(next, n.codec, codecTimeBase, fps);
        failed = false;
    }

    /**
     * Flushes the encoder, finalizes the MP4 and moves it atomically onto the target. Idempotent.
     *
     * @throws VideoException if no frame was encoded, or flushing/writing/moving fails (the temporary
     *                        file is then deleted and the target left as it was)
     */
    @Override
    public void close() throws VideoException {
        if (closed) {
            return;
        }
        try {
            if (failed) {
                throw new VideoException(target, "an earlier encoding error left the file unusable");
            }
            if (frames == 0) {
                throw new VideoException(target, "no frame was encoded");
            }
            Ffmpeg.check(avcodec_send_frame(n.codec, null), target, "flushing the encoder");
            drain();
            file.finish();
        } catch (VideoException e) {
            failed = true;
            throw e;
        } finally {
            closeQuietly();
        }
    }

    /** Discards everything encoded into the current file: its target is left as it was. Idempotent. */
    public void abort() {
        failed = true;
        closeQuietly();
    }

    private void closeQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        n.free();
        if (file != null) {
            file.discard();
            file = null;
        }
    }

    private void ensureWritable() throws VideoException {
        if (closed) {
            throw new VideoException(target, "encoder already closed");
        }
        if (failed) {
            throw new VideoException(target, "an earlier encoding error left the file unusable");
        }
    }

    /** The native objects, freed exactly once. */
    private static final class Natives {
        AVCodecContext codec;
        AVFrame yuv;
        AVFrame rgb;
        SwsContext sws;
        AVPacket packet;
        /** The RGB frame's own buffer, and the pointer aimed at a caller's direct frame instead. */
        BytePointer own;
        final InputPointer caller = new InputPointer();

        void free() {
            if (packet != null) {
                av_packet_free(packet);
                packet = null;
            }
            if (sws != null) {
                sws_freeContext(sws);
                sws = null;
            }
            caller.forget();
            if (rgb != null) {
                av_frame_free(rgb);
                rgb = null;
            }
            if (yuv != null) {
                av_frame_free(yuv);
                yuv = null;
            }
            if (codec != null) {
                avcodec_free_context(codec);
                codec = null;
            }
        }
    }
}
