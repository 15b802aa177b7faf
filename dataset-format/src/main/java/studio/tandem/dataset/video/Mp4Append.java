package studio.tandem.dataset.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Appends one single-track MP4 episode to a multi-episode MP4 in place, in time proportional to the
 * episode (not the file): the episode's media bytes go to the end of the file in a new {@code mdat},
 * followed by a new {@code moov} whose sample tables cover old and new samples; both are flushed to
 * disk, and only then is the old {@code moov} renamed to {@code free} with one 4-byte write. Readers
 * use the first {@code moov} in the file, so before that write they see the old content and after it
 * the new; a crash in between leaves the old content readable (plus ignored bytes at the end).
 *
 * <p>Handles files as FFmpeg's MP4 muxer writes them for one video track without B-frames; anything
 * else is reported as {@link NotAppendable} so the caller can fall back to a full rewrite.
 */
final class Mp4Append {

    /** The files' layout is outside what this class edits; nothing was written. */
    static final class NotAppendable extends Exception {
        private static final long serialVersionUID = 1L;

        NotAppendable(String why) {
            super(why);
        }
    }

    private record TopBox(String type, long pos, long size, int header) {
        long payloadStart() {
            return pos + header;
        }
    }

    private Mp4Append() {
    }

    /** Appends {@code episode} to {@code target}; returns where it landed. */
    static EpisodeSpan append(Path target, Path episode) throws IOException, NotAppendable {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileChannel in = FileChannel.open(episode, StandardOpenOption.READ)) {
            List<TopBox> tBoxes = topLevel(out);
            List<TopBox> eBoxes = topLevel(in);
            TopBox tMoov = first(tBoxes, "moov", target);
            TopBox eMoov = first(eBoxes, "moov", episode);
            TopBox eMdat = only(eBoxes, "mdat", episode);
            Mp4Box tm = Mp4Box.parse(read(out, tMoov));
            Mp4Box em = Mp4Box.parse(read(in, eMoov));
            Mp4Box tTrak = videoTrack(tm);
            Mp4Box eTrak = videoTrack(em);
            checkCompatible(tTrak, eTrak);
            long end = out.size();
            long payload = eMdat.size() - eMdat.header();
            int header = payload + 8 <= 0xFFFF_FFFFL ? 8 : 16;
            long shift = end + header - eMdat.payloadStart();
            Mp4Tables old = Mp4Tables.read(tTrak.find("mdia/minf/stbl"));
            Mp4Tables ep = Mp4Tables.read(eTrak.find("mdia/minf/stbl"));
            Mp4Tables joined = old.join(ep, shift);
            joined.writeInto(tTrak.find("mdia/minf/stbl"));
            long timescale = Mp4Header.timescale(tTrak.find("mdia/mdhd"));
            setDurations(tm, tTrak, joined.mediaDuration(), timescale);
            byte[] moov = tm.toBytes();
            try {
                out.position(end);
                writeFully(out, mdatHeader(payload, header));
                transfer(in, eMdat.payloadStart(), payload, out);
                writeFully(out, ByteBuffer.wrap(moov));
                out.force(true);
            } catch (IOException e) {
                out.truncate(end);
                throw e;
            }
            writeFully(out.position(tMoov.pos() + 4), ByteBuffer.wrap("free".getBytes(StandardCharsets.US_ASCII)));
            out.force(true);
            int delta = ep.deltas.length > 0 ? ep.deltas[0] : 1;
            long from = old.samples();
            return new EpisodeSpan(episode, from, ep.samples(), (double) from * delta / timescale,
                    (double) (from + ep.samples()) * delta / timescale);
        }
    }

    private static void checkCompatible(Mp4Box a, Mp4Box b) throws NotAppendable {
        for (Mp4Box trak : List.of(a, b)) {
            for (Mp4Box box : trak.find("mdia/minf/stbl").children) {
                if (!Mp4Tables.KNOWN.contains(box.type)) {
                    throw new NotAppendable("sample table has a '" + box.type + "' box");
                }
            }
            Mp4Box elst = trak.find("edts/elst");
            if (elst != null && !Mp4Header.isPlainEditList(elst)) {
                throw new NotAppendable("edit list does not start at media time 0");
            }
            if (!constant(Mp4Tables.read(trak.find("mdia/minf/stbl")).deltas)) {
                throw new NotAppendable("frame durations vary");
            }
        }
        if (!Arrays.equals(Mp4Header.withoutBitrates(a.find("mdia/minf/stbl/stsd").payload),
                Mp4Header.withoutBitrates(b.find("mdia/minf/stbl/stsd").payload))) {
            throw new NotAppendable("codec configuration (stsd) differs");
        }
        if (Mp4Header.timescale(a.find("mdia/mdhd")) != Mp4Header.timescale(b.find("mdia/mdhd"))) {
            throw new NotAppendable("media time scale differs");
        }
        int da = Mp4Tables.read(a.find("mdia/minf/stbl")).deltas[0];
        int db = Mp4Tables.read(b.find("mdia/minf/stbl")).deltas[0];
        if (da != db) {
            throw new NotAppendable("frame rate differs");
        }
    }

    private static boolean constant(int[] d) {
        for (int x : d) {
            if (x != d[0]) {
                return false;
            }
        }
        return d.length > 0;
    }

    private static void setDurations(Mp4Box moov, Mp4Box trak, long mediaDuration, long mediaTimescale) {
        Mp4Box mvhd = moov.child("mvhd");
        long movieTimescale = Mp4Header.timescale(mvhd);
        long movieDuration = Math.round((double) mediaDuration * movieTimescale / mediaTimescale);
        Mp4Header.setDuration(mvhd, movieDuration);
        Mp4Header.setDuration(trak.child("tkhd"), movieDuration);
        Mp4Header.setDuration(trak.find("mdia/mdhd"), mediaDuration);
        Mp4Box elst = trak.find("edts/elst");
        if (elst != null) {
            Mp4Header.setEditDuration(elst, movieDuration);
        }
    }

    private static Mp4Box videoTrack(Mp4Box moov) throws NotAppendable {
        List<Mp4Box> traks = moov.all("trak");
        if (traks.size() != 1) {
            throw new NotAppendable(traks.size() + " tracks, not 1");
        }
        Mp4Box hdlr = traks.get(0).find("mdia/hdlr");
        if (hdlr == null || !new String(hdlr.payload, 8, 4, StandardCharsets.US_ASCII).equals("vide")) {
            throw new NotAppendable("the track is not video");
        }
        if (traks.get(0).find("mdia/minf/stbl/stsd") == null) {
            throw new NotAppendable("no sample description");
        }
        return traks.get(0);
    }

    private static List<TopBox> topLevel(FileChannel ch) throws IOException, NotAppendable {
        List<TopBox> boxes = new ArrayList<>();
        long pos = 0;
        long size = ch.size();
        ByteBuffer h = ByteBuffer.allocate(16);
        while (pos + 8 <= size) {
            h.clear();
            ch.read(h, pos);
            h.flip();
            long len = Integer.toUnsignedLong(h.getInt());
            String type = Mp4Box.fourCc(h.getInt());
            int header = 8;
            if (len == 1) {
                len = h.getLong();
                header = 16;
            } else if (len == 0) {
                len = size - pos;
            }
            if (len < header || pos + len > size) {
                throw new NotAppendable("box '" + type + "' at " + pos + " runs past the end of the file");
            }
            boxes.add(new TopBox(type, pos, len, header));
            pos += len;
        }
        return boxes;
    }

    private static TopBox first(List<TopBox> boxes, String type, Path file) throws NotAppendable {
        return boxes.stream().filter(b -> b.type().equals(type)).findFirst()
                .orElseThrow(() -> new NotAppendable(file + " has no '" + type + "' box"));
    }

    private static TopBox only(List<TopBox> boxes, String type, Path file) throws NotAppendable {
        if (boxes.stream().filter(b -> b.type().equals(type)).count() != 1) {
            throw new NotAppendable(file + " has not exactly one '" + type + "' box");
        }
        return first(boxes, type, file);
    }

    private static ByteBuffer read(FileChannel ch, TopBox box) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(box.size()));
        while (b.hasRemaining() && ch.read(b, box.pos() + b.position()) > 0) {
            // keep reading
        }
        return b.flip();
    }

    private static ByteBuffer mdatHeader(long payload, int header) {
        ByteBuffer b = ByteBuffer.allocate(header);
        if (header == 8) {
            b.putInt((int) (payload + 8)).put("mdat".getBytes(StandardCharsets.US_ASCII));
        } else {
            b.putInt(1).put("mdat".getBytes(StandardCharsets.US_ASCII)).putLong(payload + 16);
        }
        return b.flip();
    }

    private static void transfer(FileChannel in, long from, long count, FileChannel out) throws IOException {
        long done = 0;
        while (done < count) {
            long n = in.transferTo(from + done, count - done, out);
            if (n <= 0) {
                throw new IOException("short read copying media data");
            }
            done += n;
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }
}
