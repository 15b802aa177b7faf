package studio.tandem.dataset.video;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;

/**
 * Decodes a video file into RGB24 frames: sequentially ({@link #next}) for export and playback, or the
 * frame at a timestamp ({@link #frameAt}) by seeking to the keyframe before it and decoding forward,
 * as LeRobot's loaders do (tolerance {@link #TOLERANCE_S}). AV1 is decoded with libaom (FFmpeg's
 * native AV1 decoder needs hardware).
 *
 * <p>Threading: one instance belongs to one thread. Per frame it allocates nothing on the Java heap.
 * Timestamps are seconds on the file's own time line (frame {@code i} at {@code i / fps}).
 */
public final class VideoDecoder implements AutoCloseable {

    /** LeRobot's tolerance between a requested timestamp and the decoded frame's, in seconds. */
    public static final double TOLERANCE_S = 1e-4;

    private final Path file;
    private final VideoProbe.OpenInput in;
    private final int width;
    private final int height;
    private final int frameBytes;
    private final double fps;
    private final double secondsPerTick;
    private AVCodecContext codec;
    private AVFrame frame;
    private AVFrame rgb;
    private AVPacket packet;
    private SwsContext sws;
    private ByteBuffer rgbView;
    private boolean inputDone;
    private boolean decoderDone;
    private double lastSeconds = Double.NaN;
    private long decoded;
    private long seeks;
    private boolean closed;

    private VideoDecoder(Path file, VideoProbe.OpenInput in) {
        this.file = file;
        this.in = in;
        AVStream st = in.stream();
        this.width = st.codecpar().width();
        this.height = st.codecpar().height();
        this.frameBytes = width * height * 3;
        AVRational rate = st.avg_frame_rate().num() > 0 ? st.avg_frame_rate() : st.r_frame_rate();
        this.fps = rate.den() == 0 ? 0 : (double) rate.num() / rate.den();
        this.secondsPerTick = (double) st.time_base().num() / st.time_base().den();
    }

    /**
     * Opens {@code file} at its first frame.
     *
     * @throws VideoException if it is missing, corrupt, has no video stream or no usable decoder
     */
    public static VideoDecoder open(Path file) throws VideoException {
        VideoProbe.OpenInput in = VideoProbe.OpenInput.open(file);
        VideoDecoder dec = new VideoDecoder(file, in);
        try {
            dec.setUp();
            return dec;
        } catch (VideoException | RuntimeException e) {
            dec.close();
            throw e;
        }
    }

    private void setUp() throws VideoException {
        AVStream st = in.stream();
        AVCodec decoder = findDecoder(st.codecpar().codec_id());
        codec = avcodec_alloc_context3(decoder);
        Ffmpeg.check(avcodec_parameters_to_context(codec, st.codecpar()), file, "decoder parameters");
        codec.pkt_timebase(st.time_base());
        codec.thread_count(1);
        Ffmpeg.check(avcodec_open2(codec, decoder, (AVDictionary) null), file, "opening the decoder");
        frame = av_frame_alloc();
        packet = av_packet_alloc();
        rgb = av_frame_alloc();
        rgb.format(AV_PIX_FMT_RGB24).width(width).height(height);
        Ffmpeg.check(av_frame_get_buffer(rgb, 1), file, "allocating an RGB frame");
        rgbView = rgb.data(0).capacity(frameBytes).asByteBuffer();
        sws = sws_getContext(width, height, st.codecpar().format(), width, height, AV_PIX_FMT_RGB24,
                SWS_BILINEAR, null, null, (double[]) null);
        if (sws == null || sws.isNull()) {
            throw new VideoException(file, "no converter from " + Ffmpeg.pixelFormatName(st.codecpar().format())
                    + " to RGB24");
        }
    }

    private AVCodec findDecoder(int codecId) throws VideoException {
        if (codecId == AV_CODEC_ID_AV1) {
            for (String name : new String[] {"libdav1d", "libaom-av1"}) {
                AVCodec c = avcodec_find_decoder_by_name(name);
                if (c != null && !c.isNull()) {
                    return c;
                }
            }
        }
        AVCodec c = avcodec_find_decoder(codecId);
        if (c == null || c.isNull()) {
            throw new VideoException(file, "no decoder for codec " + avcodec_get_name(codecId).getString());
        }
        return c;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Frames per second of the stream. */
    public double fps() {
        return fps;
    }

    /** Bytes of one RGB24 frame ({@code width*height*3}). */
    public int frameBytes() {
        return frameBytes;
    }

    /** Timestamp in seconds of the last frame delivered; NaN before the first. */
    public double lastTimestamp() {
        return lastSeconds;
    }

    /** Frames decoded so far (including those skipped on the way to a seek target). */
    public long framesDecoded() {
        return decoded;
    }

    /** Seeks done so far by {@link #frameAt}. */
    public long seeks() {
        return seeks;
    }

    /**
     * Decodes the next frame in presentation order into {@code rgbOut} from its position (not moved).
     *
     * @return false at the end of the stream (nothing written)
     */
    public boolean next(ByteBuffer rgbOut) throws VideoException {
        requireRoom(rgbOut);
        if (!decodeOne()) {
            return false;
        }
        deliver(rgbOut);
        return true;
    }

    /**
     * Decodes the frame whose timestamp is within {@link #TOLERANCE_S} of {@code seconds} into
     * {@code rgbOut} (from its position, not moved). Seeks to the keyframe before it unless the
     * target lies a short way ahead of the last frame, where decoding forward is cheaper.
     *
     * @return the frame's timestamp in seconds
     * @throws VideoException if the file has no frame at that time
     */
    public double frameAt(double seconds, ByteBuffer rgbOut) throws VideoException {
        requireRoom(rgbOut);
        boolean ahead = !Double.isNaN(lastSeconds) && seconds > lastSeconds && seconds - lastSeconds <= 1.0;
        if (!ahead) {
            seek(seconds);
        }
        while (decodeOne()) {
            if (lastSeconds >= seconds - TOLERANCE_S) {
                if (lastSeconds > seconds + TOLERANCE_S) {
                    break;
                }
                deliver(rgbOut);
                return lastSeconds;
            }
        }
        throw new VideoException(file, "no frame at " + seconds + " s (within " + TOLERANCE_S + " s)");
    }

    private void seek(double seconds) throws VideoException {
        long ticks = Math.round(Math.max(0, seconds - TOLERANCE_S) / secondsPerTick);
        Ffmpeg.check(av_seek_frame(in.context(), in.streamIndex(), ticks, AVSEEK_FLAG_BACKWARD), file,
                "seeking to " + seconds + " s");
        avcodec_flush_buffers(codec);
        inputDone = false;
        decoderDone = false;
        lastSeconds = Double.NaN;
        seeks++;
    }

    /** Decodes the next frame into {@link #frame}; false at the end. */
    private boolean decodeOne() throws VideoException {
        while (!decoderDone) {
            int r = avcodec_receive_frame(codec, frame);
            if (r == 0) {
                long ts = frame.best_effort_timestamp();
                lastSeconds = (ts == AV_NOPTS_VALUE ? frame.pts() : ts) * secondsPerTick;
                decoded++;
                return true;
            }
            if (r == AVERROR_EOF) {
                decoderDone = true;
            } else if (r == Ffmpeg.AVERROR_EAGAIN) {
                feed();
            } else {
                Ffmpeg.check(r, file, "decoding a frame");
            }
        }
        return false;
    }

    private void feed() throws VideoException {
        while (!inputDone) {
            int r = av_read_frame(in.context(), packet);
            if (r == AVERROR_EOF) {
                inputDone = true;
                Ffmpeg.check(avcodec_send_packet(codec, null), file, "flushing the decoder");
                return;
            }
            Ffmpeg.check(r, file, "reading a packet");
            boolean ours = packet.stream_index() == in.streamIndex();
            int s = ours ? avcodec_send_packet(codec, packet) : 0;
            av_packet_unref(packet);
            if (ours) {
                Ffmpeg.check(s, file, "decoding a packet");
                return;
            }
        }
    }

    private void deliver(ByteBuffer rgbOut) throws VideoException {
        Ffmpeg.check(sws_scale_frame(sws, rgb, frame), file, "YUV to RGB conversion");
        rgbOut.put(rgbOut.position(), rgbView, 0, frameBytes);
    }

    private void requireRoom(ByteBuffer rgbOut) throws VideoException {
        if (rgbOut.remaining() < frameBytes) {
            throw new VideoException(file, "output buffer holds " + rgbOut.remaining() + " bytes, " + frameBytes
                    + " needed for " + width + "x" + height + " RGB24");
        }
    }

    /** Frees the decoder and closes the file. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
        if (rgb != null) {
            av_frame_free(rgb);
            rgb = null;
        }
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        if (codec != null) {
            avcodec_free_context(codec);
            codec = null;
        }
        in.close();
    }
}
