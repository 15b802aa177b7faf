package studio.tandem.dataset.video;

import studio.tandem.dataset.io.TempFiles;
import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends per-episode MP4s to a (possibly not yet existing) multi-episode MP4 by stream copy: no
 * re-encoding, packets are copied with their pts shifted by exactly the frame count before them.
 * The result is written to a temporary file beside the target and moved onto it atomically, so a
 * reader sees the old file or the new one, never a mix. All inputs must share codec, size, pixel
 * format and frame rate (the same {@link VideoSettings}). Stateless; any thread, one call per target
 * at a time.
 */
public final class VideoConcat {

    private static final Logger LOG = LoggerFactory.getLogger(VideoConcat.class);

    private VideoConcat() {
    }

    /**
     * Rewrites {@code target} as its current content (if it exists) followed by {@code episodes}.
     *
     * @return one span per appended episode, in order, with exact from/to timestamps
     * @throws VideoException if an input is missing/corrupt or differs in codec, size, pixel format or
     *                        frame rate (message names the file and the field); the target is untouched
     */
    public static List<EpisodeSpan> append(Path target, List<Path> episodes) throws VideoException {
        if (episodes.isEmpty()) {
            throw new VideoException(target, "nothing to append");
        }
        List<Path> inputs = new ArrayList<>();
        if (Files.exists(target)) {
            inputs.add(target);
        }
        inputs.addAll(episodes);
        Path temp = createTemp(target);
        boolean done = false;
        try {
            List<EpisodeSpan> spans = copyAll(inputs, temp, target, inputs.size() - episodes.size());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return spans;
        } catch (IOException e) {
            if (e instanceof VideoException ve) {
                throw ve;
            }
            throw new VideoException(target, "cannot move the new file into place: " + e.getMessage(), e);
        } finally {
            if (!done) {
                deleteQuietly(temp);
            }
        }
    }

    /**
     * Appends one episode to {@code target} in time proportional to the episode, not to the file
     * (see {@link Mp4Append}: new media bytes and a new index go to the end of the file, then the old
     * index is retired with one 4-byte write; readers see the old or the new content, never a mix).
     * Creates {@code target} from the episode if it does not exist. Falls back to {@link #append}
     * (a full stream-copy rewrite) when either file's layout is not one this edits (e.g. B-frames,
     * several tracks); the episode must come from {@link VideoEncoder} with the same settings.
     *
     * @return where the episode landed, with exact from/to timestamps
     * @throws VideoException if a file is missing/corrupt or the two differ in codec configuration,
     *                        time scale or frame rate; the target's content is then unchanged
     */
    public static EpisodeSpan appendInPlace(Path target, Path episode) throws VideoException {
        if (!Files.exists(target)) {
            return append(target, List.of(episode)).get(0);
        }
        VideoProbe.OpenInput.open(episode).close();
        VideoProbe.OpenInput.open(target).close();
        try {
            return Mp4Append.append(target, episode);
        } catch (Mp4Append.NotAppendable e) {
            LOG.debug("{}: full rewrite to append {}: {}", target, episode, e.getMessage());
            return append(target, List.of(episode)).get(0);
        } catch (IOException e) {
            throw new VideoException(target, "cannot append " + episode + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new VideoException(target, "malformed MP4 structure while appending " + episode + ": " + e, e);
        }
    }

    private static List<EpisodeSpan> copyAll(List<Path> inputs, Path temp, Path target, int skip)
            throws VideoException {
        List<VideoProbe.OpenInput> opened = new ArrayList<>();
        AVFormatContext out = null;
        try {
            for (Path p : inputs) {
                opened.add(VideoProbe.OpenInput.open(p));
            }
            checkCompatible(opened);
            out = openOutput(opened.get(0), temp, target);
            List<EpisodeSpan> spans = new ArrayList<>();
            AVRational rate = frameRate(opened.get(0).stream());
            long frames = 0;
            for (int i = 0; i < opened.size(); i++) {
                long n = copyPackets(opened.get(i), out, frames, rate);
                if (i >= skip) {
                    spans.add(new EpisodeSpan(inputs.get(i), frames, n, seconds(frames, rate),
                            seconds(frames + n, rate)));
                }
                frames += n;
            }
            Ffmpeg.check(av_write_trailer(out), target, "writing the MP4 index");
            return spans;
        } finally {
            closeOutput(out);
            opened.forEach(VideoProbe.OpenInput::close);
        }
    }

    private static void checkCompatible(List<VideoProbe.OpenInput> inputs) throws VideoException {
        AVCodecParameters ref = inputs.get(0).stream().codecpar();
        AVRational refRate = frameRate(inputs.get(0).stream());
        Path refFile = inputs.get(0).file();
        for (VideoProbe.OpenInput in : inputs) {
            AVCodecParameters p = in.stream().codecpar();
            AVRational rate = frameRate(in.stream());
            String diff = p.codec_id() != ref.codec_id() ? "codec " + avcodec_get_name(p.codec_id()).getString()
                    : p.width() != ref.width() || p.height() != ref.height() ? "size " + p.width() + "x" + p.height()
                    : p.format() != ref.format() ? "pixel format " + Ffmpeg.pixelFormatName(p.format())
                    : av_cmp_q(rate, refRate) != 0 ? "frame rate " + rate.num() + "/" + rate.den()
                    : null;
            if (diff != null) {
                throw new VideoException(in.file(), diff + " differs from " + refFile + ", cannot concatenate");
            }
        }
    }

    private static AVFormatContext openOutput(VideoProbe.OpenInput first, Path temp, Path target)
            throws VideoException {
        AVFormatContext out = new AVFormatContext(null);
        Ffmpeg.check(avformat_alloc_output_context2(out, null, "mp4", temp.toString()), target, "MP4 muxer");
        try {
            AVStream st = avformat_new_stream(out, null);
            Ffmpeg.check(avcodec_parameters_copy(st.codecpar(), first.stream().codecpar()), target, "stream copy");
            st.codecpar().codec_tag(0);
            AVRational rate = frameRate(first.stream());
            st.time_base(av_inv_q(rate));
            st.avg_frame_rate(rate);
            st.r_frame_rate(rate);
            AVIOContext pb = new AVIOContext(null);
            Ffmpeg.check(avio_open(pb, temp.toString(), AVIO_FLAG_WRITE), target, "opening for writing");
            out.pb(pb);
            Ffmpeg.check(avformat_write_header(out, (AVDictionary) null), target, "writing the MP4 header");
            return out;
        } catch (VideoException | RuntimeException e) {
            closeOutput(out);
            throw e;
        }
    }

    /** Copies every video packet of {@code in}, shifted by {@code offsetFrames}; returns the packet count. */
    private static long copyPackets(VideoProbe.OpenInput in, AVFormatContext out, long offsetFrames, AVRational rate)
            throws VideoException {
        AVStream inStream = in.stream();
        AVRational inTb = inStream.time_base();
        AVRational outTb = out.streams(0).time_base();
        long offset = av_rescale_q(offsetFrames, av_inv_q(rate), outTb);
        AVPacket pkt = av_packet_alloc();
        long count = 0;
        try {
            int r;
            while ((r = av_read_frame(in.context(), pkt)) >= 0) {
                if (pkt.stream_index() != inStream.index()) {
                    av_packet_unref(pkt);
                    continue;
                }
                av_packet_rescale_ts(pkt, inTb, outTb);
                if (pkt.pts() == AV_NOPTS_VALUE || pkt.dts() == AV_NOPTS_VALUE) {
                    av_packet_unref(pkt);
                    throw new VideoException(in.file(), "packet " + count + " has no timestamp");
                }
                pkt.pts(pkt.pts() + offset).dts(pkt.dts() + offset).pos(-1).stream_index(0);
                Ffmpeg.check(av_interleaved_write_frame(out, pkt), in.file(), "copying a packet");
                count++;
            }
            if (r != AVERROR_EOF) {
                Ffmpeg.check(r, in.file(), "reading packets");
            }
            return count;
        } finally {
            av_packet_free(pkt);
        }
    }

    static AVRational frameRate(AVStream st) {
        return st.avg_frame_rate().num() > 0 ? st.avg_frame_rate() : st.r_frame_rate();
    }

    private static double seconds(long frames, AVRational rate) {
        return (double) frames * rate.den() / rate.num();
    }

    private static Path createTemp(Path target) throws VideoException {
        try {
            return TempFiles.beside(target, ".part");
        } catch (IOException e) {
            throw new VideoException(target, "cannot create a temporary file beside it: " + e.getMessage(), e);
        }
    }

    private static void closeOutput(AVFormatContext out) {
        if (out == null) {
            return;
        }
        AVIOContext pb = out.pb();
        if (pb != null && !pb.isNull()) {
            avio_close(pb);
            out.pb(null);
        }
        avformat_free_context(out);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a stray ".part" file is never read
        }
    }
}
