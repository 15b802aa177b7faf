package studio.tandem.dataset.video;

import studio.tandem.dataset.io.TempFiles;
import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * One MP4 output file of a {@link VideoEncoder}: a single video stream whose parameters come from an
 * open encoder, written under a temporary name beside the target and moved into place atomically by
 * {@link #finish()}. An encoder can write several files in a row with one open codec (segments).
 *
 * <p>Threading: belongs to the encoder's thread. {@link #write} allocates nothing.
 */
final class Mp4File {
    final Path target;
    private final Path temp;
    private final AVRational codecTimeBase;
    private AVFormatContext oc;
    private AVStream stream;
    private AVRational streamTimeBase;
    private int streamIndex;

    private Mp4File(Path target, Path temp, AVRational codecTimeBase) {
        this.target = target;
        this.temp = temp;
        this.codecTimeBase = codecTimeBase;
    }

    /** Whether MP4 wants the codec's headers global (extradata), to be set before the codec opens. */
    static boolean wantsGlobalHeader() {
        return (av_guess_format("mp4", null, null).flags() & AVFMT_GLOBALHEADER) != 0;
    }

    /**
     * Creates the temporary file and writes the MP4 header for the stream of {@code codec} (open).
     *
     * @throws VideoException naming {@code target} if the file or the header cannot be written
     */
    static Mp4File create(Path target, AVCodecContext codec, AVRational codecTimeBase, int fps)
            throws VideoException {
        Path temp;
        try {
            temp = TempFiles.beside(target, ".part");
        } catch (IOException e) {
            throw new VideoException(target, "cannot create file: " + e.getMessage(), e);
        }
        Mp4File f = new Mp4File(target, temp, codecTimeBase);
        try {
            f.writeHeader(codec, fps);
            return f;
        } catch (VideoException | RuntimeException e) {
            f.discard();
            throw e;
        }
    }

    private void writeHeader(AVCodecContext codec, int fps) throws VideoException {
        oc = new AVFormatContext(null);
        Ffmpeg.check(avformat_alloc_output_context2(oc, null, "mp4", temp.toString()), target, "MP4 muxer");
        stream = avformat_new_stream(oc, null);
        Ffmpeg.check(avcodec_parameters_from_context(stream.codecpar(), codec), target, "stream parameters");
        stream.time_base(codecTimeBase);
        stream.sample_aspect_ratio(codec.sample_aspect_ratio());
        stream.avg_frame_rate(av_make_q(fps, 1));
        stream.r_frame_rate(av_make_q(fps, 1));
        AVIOContext pb = new AVIOContext(null);
        Ffmpeg.check(avio_open(pb, temp.toString(), AVIO_FLAG_WRITE), target, "opening for writing");
        oc.pb(pb);
        Ffmpeg.check(avformat_write_header(oc, (AVDictionary) null), target, "writing the MP4 header");
        streamTimeBase = stream.time_base();
        streamIndex = stream.index();
    }

    /**
     * Writes one encoded packet, its pts/dts shifted back by {@code ptsBase} (codec time base, frames)
     * so this file starts at pts 0.
     */
    void write(AVPacket packet, long ptsBase) throws VideoException {
        packet.pts(packet.pts() - ptsBase);
        packet.dts(packet.dts() - ptsBase);
        av_packet_rescale_ts(packet, codecTimeBase, streamTimeBase);
        packet.stream_index(streamIndex);
        Ffmpeg.check(av_interleaved_write_frame(oc, packet), target, "writing a packet");
    }

    /** Writes the MP4 index and moves the file onto the target (replacing it). */
    void finish() throws VideoException {
        Ffmpeg.check(av_write_trailer(oc), target, "writing the MP4 index");
        free();
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new VideoException(target, "cannot move the finished file into place: " + e.getMessage(), e);
        }
    }

    /** Frees the muxer and deletes the temporary file; the target is left as it was. Idempotent. */
    void discard() {
        free();
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // best effort: a stray ".part" file is harmless and never read
        }
    }

    private void free() {
        if (oc != null) {
            AVIOContext pb = oc.pb();
            if (pb != null && !pb.isNull()) {
                avio_close(pb);
                oc.pb(null);
            }
            avformat_free_context(oc);
            oc = null;
        }
    }
}
