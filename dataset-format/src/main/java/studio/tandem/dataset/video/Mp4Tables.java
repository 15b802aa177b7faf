package studio.tandem.dataset.video;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Set;

/**
 * The sample tables of one video track ({@code stts}, {@code stss}, {@code stsz}, {@code stsc},
 * {@code stco}/{@code co64}) expanded into arrays, so two tracks can be joined and written back.
 * Used by {@link Mp4Append}; not thread-safe.
 */
final class Mp4Tables {

    /** The {@code stbl} children this class understands; any other makes a file "not appendable". */
    static final Set<String> KNOWN = Set.of("stsd", "stts", "stss", "stsz", "stsc", "stco", "co64");

    int[] deltas;
    int[] sizes;
    /** 1-based sync sample numbers; null when every sample is a sync sample (no {@code stss}). */
    int[] sync;
    /** {@code stsc} rows: first chunk (1-based), samples per chunk, sample description index. */
    int[][] stsc;
    long[] chunkOffsets;

    static Mp4Tables read(Mp4Box stbl) {
        Mp4Tables t = new Mp4Tables();
        t.deltas = readStts(stbl.child("stts").payload);
        t.sizes = readStsz(stbl.child("stsz").payload);
        Mp4Box stss = stbl.child("stss");
        t.sync = stss == null ? null : readU32List(stss.payload);
        t.stsc = readStsc(stbl.child("stsc").payload);
        Mp4Box co64 = stbl.child("co64");
        t.chunkOffsets = co64 != null ? readU64List(co64.payload) : widen(readU32List(stbl.child("stco").payload));
        return t;
    }

    int samples() {
        return sizes.length;
    }

    long mediaDuration() {
        long d = 0;
        for (int x : deltas) {
            d += x;
        }
        return d;
    }

    /** This track followed by {@code next}, whose chunk offsets are moved by {@code shift} bytes. */
    Mp4Tables join(Mp4Tables next, long shift) {
        Mp4Tables j = new Mp4Tables();
        j.deltas = concat(deltas, next.deltas);
        j.sizes = concat(sizes, next.sizes);
        if (sync != null || next.sync != null) {
            int[] a = sync != null ? sync : all(samples());
            int[] b = (next.sync != null ? next.sync : all(next.samples())).clone();
            for (int i = 0; i < b.length; i++) {
                b[i] += samples();
            }
            j.sync = concat(a, b);
        }
        j.stsc = Arrays.copyOf(stsc, stsc.length + next.stsc.length);
        for (int i = 0; i < next.stsc.length; i++) {
            int[] row = next.stsc[i];
            j.stsc[stsc.length + i] = new int[] {row[0] + chunkOffsets.length, row[1], row[2]};
        }
        j.chunkOffsets = Arrays.copyOf(chunkOffsets, chunkOffsets.length + next.chunkOffsets.length);
        for (int i = 0; i < next.chunkOffsets.length; i++) {
            j.chunkOffsets[chunkOffsets.length + i] = next.chunkOffsets[i] + shift;
        }
        return j;
    }

    /** Replaces the tables in {@code stbl} (keeping {@code stsd} and the order of the boxes). */
    void writeInto(Mp4Box stbl) {
        stbl.children.removeIf(b -> !b.type.equals("stsd"));
        stbl.children.add(Mp4Box.leaf("stts", stts()));
        if (sync != null) {
            stbl.children.add(Mp4Box.leaf("stss", u32List(sync)));
        }
        ByteBuffer stsz = ByteBuffer.allocate(12 + 4 * sizes.length).putInt(0).putInt(0).putInt(sizes.length);
        for (int s : sizes) {
            stsz.putInt(s);
        }
        stbl.children.add(Mp4Box.leaf("stsz", stsz.array()));
        ByteBuffer sc = ByteBuffer.allocate(8 + 12 * stsc.length).putInt(0).putInt(stsc.length);
        for (int[] row : stsc) {
            sc.putInt(row[0]).putInt(row[1]).putInt(row[2]);
        }
        stbl.children.add(Mp4Box.leaf("stsc", sc.array()));
        boolean wide = chunkOffsets.length > 0 && chunkOffsets[chunkOffsets.length - 1] > 0xFFFF_FFFFL;
        ByteBuffer co = ByteBuffer.allocate(8 + (wide ? 8 : 4) * chunkOffsets.length).putInt(0)
                .putInt(chunkOffsets.length);
        for (long o : chunkOffsets) {
            if (wide) {
                co.putLong(o);
            } else {
                co.putInt((int) o);
            }
        }
        stbl.children.add(Mp4Box.leaf(wide ? "co64" : "stco", co.array()));
    }

    private byte[] stts() {
        int runs = 0;
        for (int i = 0; i < deltas.length; i++) {
            if (i == 0 || deltas[i] != deltas[i - 1]) {
                runs++;
            }
        }
        ByteBuffer b = ByteBuffer.allocate(8 + 8 * runs).putInt(0).putInt(runs);
        int i = 0;
        while (i < deltas.length) {
            int j = i;
            while (j < deltas.length && deltas[j] == deltas[i]) {
                j++;
            }
            b.putInt(j - i).putInt(deltas[i]);
            i = j;
        }
        return b.array();
    }

    private static int[] readStts(byte[] p) {
        ByteBuffer b = ByteBuffer.wrap(p, 4, p.length - 4);
        int entries = b.getInt();
        int[][] rows = new int[entries][];
        long total = 0;
        for (int e = 0; e < entries; e++) {
            rows[e] = new int[] {b.getInt(), b.getInt()};
            total += rows[e][0];
        }
        int[] d = new int[Math.toIntExact(total)];
        int k = 0;
        for (int[] row : rows) {
            Arrays.fill(d, k, k + row[0], row[1]);
            k += row[0];
        }
        return d;
    }

    private static int[] readStsz(byte[] p) {
        ByteBuffer b = ByteBuffer.wrap(p, 4, p.length - 4);
        int uniform = b.getInt();
        int[] s = new int[b.getInt()];
        for (int i = 0; i < s.length; i++) {
            s[i] = uniform != 0 ? uniform : b.getInt();
        }
        return s;
    }

    private static int[][] readStsc(byte[] p) {
        ByteBuffer b = ByteBuffer.wrap(p, 4, p.length - 4);
        int[][] rows = new int[b.getInt()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new int[] {b.getInt(), b.getInt(), b.getInt()};
        }
        return rows;
    }

    private static int[] readU32List(byte[] p) {
        ByteBuffer b = ByteBuffer.wrap(p, 4, p.length - 4);
        int[] v = new int[b.getInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getInt();
        }
        return v;
    }

    private static long[] readU64List(byte[] p) {
        ByteBuffer b = ByteBuffer.wrap(p, 4, p.length - 4);
        long[] v = new long[b.getInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getLong();
        }
        return v;
    }

    private static byte[] u32List(int[] v) {
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * v.length).putInt(0).putInt(v.length);
        for (int x : v) {
            b.putInt(x);
        }
        return b.array();
    }

    private static long[] widen(int[] v) {
        long[] w = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            w[i] = Integer.toUnsignedLong(v[i]);
        }
        return w;
    }

    private static int[] all(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i + 1;
        }
        return a;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
