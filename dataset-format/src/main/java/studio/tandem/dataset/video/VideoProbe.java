package studio.tandem.dataset.video;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Reads what a video file holds without decoding it: codec, size, pixel format, frame rate and the
 * pts of every frame (by reading the packets). Stateless; any thread.
 */
public final class VideoProbe {

    private VideoProbe() {
    }

    /**
     * Probes the first video stream of {@code file}.
     *
     * @throws VideoException if the file is missing, unreadable, not a media file or has no video
     */
    public static VideoInfo probe(Path file) throws VideoException {
        try (OpenInput in = OpenInput.open(file)) {
            AVStream st = in.stream();
            AVCodecParameters par = st.codecpar();
            AVRational rate = st.avg_frame_rate().num() > 0 ? st.avg_frame_rate() : st.r_frame_rate();
            double[] pts = readPts(in, st);
            return new VideoInfo(file, avcodec_get_name(par.codec_id()).getString(), par.width(), par.height(),
                    Ffmpeg.pixelFormatName(par.format()), rate.num(), rate.den(), pts);
        }
    }

    private static double[] readPts(OpenInput in, AVStream st) throws VideoException {
        AVRational tb = st.time_base();
        double unit = (double) tb.num() / tb.den();
        long[] ticks = new long[1024];
        int count = 0;
        AVPacket pkt = av_packet_alloc();
        try {
            int r;
            while ((r = av_read_frame(in.context(), pkt)) >= 0) {
                if (pkt.stream_index() == st.index()) {
                    long t = pkt.pts() != AV_NOPTS_VALUE ? pkt.pts() : pkt.dts();
                    if (count == ticks.length) {
                        ticks = Arrays.copyOf(ticks, count * 2);
                    }
                    ticks[count++] = t;
                }
                av_packet_unref(pkt);
            }
            if (r != AVERROR_EOF) {
                Ffmpeg.check(r, in.file(), "reading packets");
            }
        } finally {
            av_packet_free(pkt);
        }
        Arrays.sort(ticks, 0, count);
        double[] seconds = new double[count];
        for (int i = 0; i < count; i++) {
            seconds[i] = ticks[i] * unit;
        }
        return seconds;
    }

    /** An opened input with its first video stream; closes the demuxer. Package use only. */
    record OpenInput(Path file, AVFormatContext context, int streamIndex) implements AutoCloseable {

        static OpenInput open(Path file) throws VideoException {
            Ffmpeg.quiet();
            if (!Files.isRegularFile(file)) {
                throw new VideoException(file, Files.exists(file) ? "not a regular file" : "no such file");
            }
            if (!Files.isReadable(file)) {
                throw new VideoException(file, "not readable");
            }
            AVFormatContext ctx = new AVFormatContext(null);
            int r = avformat_open_input(ctx, file.toString(), null, (AVDictionary) null);
            if (r < 0) {
                throw new VideoException(file, "not a readable video file: " + Ffmpeg.describe(r));
            }
            try {
                Ffmpeg.check(avformat_find_stream_info(ctx, (AVDictionary) null), file, "reading stream info");
                int index = av_find_best_stream(ctx, AVMEDIA_TYPE_VIDEO, -1, -1, (org.bytedeco.ffmpeg.avcodec.AVCodec) null, 0);
                if (index < 0) {
                    throw new VideoException(file, "has no video stream");
                }
                return new OpenInput(file, ctx, index);
            } catch (VideoException | RuntimeException e) {
                avformat_close_input(ctx);
                throw e;
            }
        }

        AVStream stream() {
            return context.streams(streamIndex);
        }

        @Override
        public void close() {
            avformat_close_input(context);
        }
    }
}
