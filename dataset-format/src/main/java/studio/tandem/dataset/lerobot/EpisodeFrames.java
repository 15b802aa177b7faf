package studio.tandem.dataset.lerobot;

import java.util.Map;
import studio.tandem.dataset.parquet.ColumnData;

/**
 * The table rows of one episode, column by column. Vectors come back flattened row-major
 * ({@code frame * length + element}). Immutable snapshot; any thread.
 */
public final class EpisodeFrames {
    private final long episodeIndex;
    private final int length;
    private final int firstRow;
    private final Map<String, ColumnData> columns;

    EpisodeFrames(long episodeIndex, int firstRow, int length, Map<String, ColumnData> columns) {
        this.episodeIndex = episodeIndex;
        this.firstRow = firstRow;
        this.length = length;
        this.columns = columns;
    }

    public long episodeIndex() {
        return episodeIndex;
    }

    /** Number of frames. */
    public int length() {
        return length;
    }

    private ColumnData col(String feature) {
        ColumnData c = columns.get(feature);
        if (c == null) {
            throw new IllegalArgumentException("no column '" + feature + "' in the data table");
        }
        return c;
    }

    /** Values of a float feature (float32/float64), flattened; a scalar gives one value per frame. */
    public float[] floats(String feature) {
        ColumnData c = col(feature);
        int from = c.offsets()[firstRow];
        int to = c.offsets()[firstRow + length];
        float[] out = new float[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (c.doubles() != null ? c.doubles()[from + i] : c.longs()[from + i]);
        }
        return out;
    }

    /** Values of a numeric feature as doubles, flattened. */
    public double[] doubles(String feature) {
        ColumnData c = col(feature);
        int from = c.offsets()[firstRow];
        double[] out = new double[c.offsets()[firstRow + length] - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.doubles() != null ? c.doubles()[from + i] : c.longs()[from + i];
        }
        return out;
    }

    /** Values of an int64 feature (frame_index, index, task_index, ...), flattened. */
    public long[] longs(String feature) {
        ColumnData c = col(feature);
        int from = c.offsets()[firstRow];
        long[] out = new long[c.offsets()[firstRow + length] - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.longs() != null ? c.longs()[from + i] : (long) c.doubles()[from + i];
        }
        return out;
    }

    /** Values of a bool feature, flattened. */
    public boolean[] bools(String feature) {
        double[] d = doubles(feature);
        boolean[] out = new boolean[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = d[i] != 0;
        }
        return out;
    }

    /** Values of a string feature, one per frame. */
    public String[] strings(String feature) {
        ColumnData c = col(feature);
        String[] out = new String[length];
        for (int i = 0; i < length; i++) {
            out[i] = c.stringAt(firstRow + i);
        }
        return out;
    }

    /** Seconds from the episode start, per frame (LeRobot's float32 {@code timestamp}). */
    public float[] timestamps() {
        return floats("timestamp");
    }
}
