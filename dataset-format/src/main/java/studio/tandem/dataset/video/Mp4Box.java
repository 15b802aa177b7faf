package studio.tandem.dataset.video;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A minimal in-memory ISO-BMFF box tree, enough to edit the sample tables of an MP4's {@code moov}
 * (used by {@link Mp4Append}). Container boxes on the path to {@code stbl} are parsed into children;
 * every other box keeps its payload bytes untouched. Not thread-safe; one per edit.
 */
final class Mp4Box {

    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "edts");

    final String type;
    byte[] payload;
    final List<Mp4Box> children;

    private Mp4Box(String type, byte[] payload, List<Mp4Box> children) {
        this.type = type;
        this.payload = payload;
        this.children = children;
    }

    /** A leaf box with {@code payload} (everything after the 8-byte header). */
    static Mp4Box leaf(String type, byte[] payload) {
        return new Mp4Box(type, payload, null);
    }

    /** Parses a box whose header starts at {@code buf}'s position; advances past it. */
    static Mp4Box parse(ByteBuffer buf) {
        int start = buf.position();
        long size = Integer.toUnsignedLong(buf.getInt());
        String type = fourCc(buf.getInt());
        if (size == 1) {
            size = buf.getLong();
        } else if (size == 0) {
            size = buf.limit() - start;
        }
        int end = Math.toIntExact(start + size);
        if (size < 8 || end > buf.limit()) {
            throw new IllegalArgumentException("box '" + type + "' at " + start + " has bad size " + size);
        }
        if (CONTAINERS.contains(type)) {
            List<Mp4Box> kids = new ArrayList<>();
            while (buf.position() < end) {
                kids.add(parse(buf));
            }
            return new Mp4Box(type, null, kids);
        }
        byte[] p = new byte[end - buf.position()];
        buf.get(p);
        return new Mp4Box(type, p, null);
    }

    /** The first child of type {@code t}, or null. */
    Mp4Box child(String t) {
        if (children != null) {
            for (Mp4Box b : children) {
                if (b.type.equals(t)) {
                    return b;
                }
            }
        }
        return null;
    }

    /** The box at {@code path} (types separated by '/') below this one, or null. */
    Mp4Box find(String path) {
        Mp4Box b = this;
        for (String t : path.split("/")) {
            b = b == null ? null : b.child(t);
        }
        return b;
    }

    /** Children of type {@code t}. */
    List<Mp4Box> all(String t) {
        List<Mp4Box> out = new ArrayList<>();
        if (children != null) {
            for (Mp4Box b : children) {
                if (b.type.equals(t)) {
                    out.add(b);
                }
            }
        }
        return out;
    }

    /** Serializes the box with a fresh size header. */
    byte[] toBytes() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (children == null) {
            body.writeBytes(payload);
        } else {
            children.forEach(c -> body.writeBytes(c.toBytes()));
        }
        long size = 8L + body.size();
        ByteBuffer head = ByteBuffer.allocate(8);
        head.putInt(Math.toIntExact(size)).put(type.getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.array());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    static String fourCc(int v) {
        return new String(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v},
                StandardCharsets.US_ASCII);
    }
}
