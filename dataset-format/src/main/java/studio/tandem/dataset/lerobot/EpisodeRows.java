package studio.tandem.dataset.lerobot;

import java.util.List;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.parquet.RowFields;
import studio.tandem.dataset.parquet.RowWriter;

/**
 * Writes an {@link EpisodeBuffer}'s frames as data-table rows, computing LeRobot's index columns
 * (timestamp = frame_index / fps as float32, frame_index, episode_index, index, task_index).
 * Built once per episode; writing a row allocates nothing. Writer thread only.
 */
final class EpisodeRows implements RowWriter {
    private static final int TIMESTAMP = -1;
    private static final int FRAME_INDEX = -2;
    private static final int EPISODE_INDEX = -3;
    private static final int INDEX = -4;
    private static final int TASK_INDEX = -5;

    private final int[] kinds;
    private final int[] lengths;
    private final Object[] arrays;
    private final EpisodeBuffer buffer;
    private final long episodeIndex;
    private final long fromIndex;
    private final int fps;
    private final long[] globalTask;

    EpisodeRows(List<Feature> tableFeatures, EpisodeBuffer buffer, long episodeIndex, long fromIndex, int fps,
            long[] globalTaskOfLocal) {
        this.buffer = buffer;
        this.episodeIndex = episodeIndex;
        this.fromIndex = fromIndex;
        this.fps = fps;
        this.globalTask = globalTaskOfLocal;
        int n = tableFeatures.size();
        kinds = new int[n];
        lengths = new int[n];
        arrays = new Object[n];
        for (int c = 0; c < n; c++) {
            Feature f = tableFeatures.get(c);
            kinds[c] = kind(f);
            lengths[c] = f instanceof VectorFeature v ? v.length() : 1;
            arrays[c] = kinds[c] >= 0 ? buffer.array(f.name()) : null;
        }
    }

    private static int kind(Feature f) {
        return switch (f.name()) {
            case "timestamp" -> TIMESTAMP;
            case "frame_index" -> FRAME_INDEX;
            case "episode_index" -> EPISODE_INDEX;
            case "index" -> INDEX;
            case "task_index" -> TASK_INDEX;
            default -> f.dtype().ordinal();
        };
    }

    @Override
    public void writeRow(int row, RowFields out) {
        for (int c = 0; c < kinds.length; c++) {
            switch (kinds[c]) {
                case TIMESTAMP -> out.float32(c, (float) ((double) row / fps));
                case FRAME_INDEX -> out.int64(c, row);
                case EPISODE_INDEX -> out.int64(c, episodeIndex);
                case INDEX -> out.int64(c, fromIndex + row);
                case TASK_INDEX -> out.int64(c, globalTask[buffer.taskIdAt(row)]);
                default -> writeFeature(c, row, out);
            }
        }
    }

    private void writeFeature(int c, int row, RowFields out) {
        int n = lengths[c];
        Object a = arrays[c];
        if (a instanceof float[] f) {
            if (n == 1) {
                out.float32(c, f[row]);
            } else {
                out.floatList(c, f, row * n, n);
            }
        } else if (a instanceof double[] d) {
            if (n == 1) {
                out.float64(c, d[row]);
            } else {
                out.doubleList(c, d, row * n, n);
            }
        } else if (a instanceof long[] l) {
            if (n == 1) {
                out.int64(c, l[row]);
            } else {
                out.longList(c, l, row * n, n);
            }
        } else if (a instanceof boolean[] b) {
            if (n == 1) {
                out.bool(c, b[row]);
            } else {
                out.boolList(c, b, row * n, n);
            }
        } else if (a instanceof String[] s && s[row] != null) {
            out.string(c, s[row]);
        }
    }
}
