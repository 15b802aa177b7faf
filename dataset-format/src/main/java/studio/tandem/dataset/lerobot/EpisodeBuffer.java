package studio.tandem.dataset.lerobot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import studio.tandem.dataset.feature.DType;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.FeatureSet;
import studio.tandem.dataset.feature.TextFeature;
import studio.tandem.dataset.feature.VectorFeature;

/**
 * One episode's table columns, preallocated for {@code capacity} frames: per feature a primitive
 * array, row-major ({@code frame * length + element}), filled by the recorder in place, plus a task
 * per frame. Index columns (timestamp, frame_index, episode_index, index, task_index) are computed
 * by the writer. Single writer thread; filling allocates nothing (task ids are registered once per
 * distinct text).
 */
public final class EpisodeBuffer {
    private final int capacity;
    private final List<Feature> columns = new ArrayList<>();
    private final Map<String, Object> arrays = new HashMap<>();
    private final int[] taskIds;
    private final List<String> tasks = new ArrayList<>();
    private int length;

    /** Columns for every tabular, non-index feature of {@code features}. */
    public EpisodeBuffer(FeatureSet features, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
        this.taskIds = new int[capacity];
        for (Feature f : features.tabular()) {
            if (DatasetInfo.isDefault(f.name())) {
                continue;
            }
            columns.add(f);
            arrays.put(f.name(), allocate(f, capacity));
        }
    }

    private static Object allocate(Feature f, int capacity) {
        if (f instanceof TextFeature) {
            return new String[capacity];
        }
        if (!(f instanceof VectorFeature v)) {
            throw new IllegalArgumentException(f.name() + ": image features stored in Parquet are not supported");
        }
        int n = capacity * v.length();
        return switch (v.dtype()) {
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
            case INT64 -> new long[n];
            case BOOL -> new boolean[n];
            default -> throw new IllegalArgumentException(f.name() + ": unsupported dtype " + v.dtype().jsonName());
        };
    }

    public int capacity() {
        return capacity;
    }

    /** The buffered features, in schema order. */
    public List<Feature> columns() {
        return List.copyOf(columns);
    }

    public float[] floats(String feature) {
        return (float[]) array(feature, DType.FLOAT32);
    }

    public double[] doubles(String feature) {
        return (double[]) array(feature, DType.FLOAT64);
    }

    public long[] longs(String feature) {
        return (long[]) array(feature, DType.INT64);
    }

    public boolean[] bools(String feature) {
        return (boolean[]) array(feature, DType.BOOL);
    }

    public String[] strings(String feature) {
        return (String[]) array(feature, DType.STRING);
    }

    /** The backing array of a feature (float[], double[], long[], boolean[] or String[]). */
    public Object array(String feature) {
        Object a = arrays.get(feature);
        if (a == null) {
            throw new IllegalArgumentException("episode has no column '" + feature + "'");
        }
        return a;
    }

    private Object array(String feature, DType expected) {
        Object a = array(feature);
        Feature f = columns.stream().filter(c -> c.name().equals(feature)).findFirst().orElseThrow();
        if (f.dtype() != expected) {
            throw new IllegalArgumentException(feature + " is " + f.dtype().jsonName() + ", not " + expected.jsonName());
        }
        return a;
    }

    /** Registers a task text (once per distinct text) and returns its id for {@link #setTask}. */
    public int taskId(String task) {
        if (task == null || task.isBlank()) {
            throw new IllegalArgumentException("task text must not be empty");
        }
        int i = tasks.indexOf(task);
        if (i >= 0) {
            return i;
        }
        tasks.add(task);
        return tasks.size() - 1;
    }

    public void setTask(int frame, int taskId) {
        if (taskId < 0 || taskId >= tasks.size()) {
            throw new IllegalArgumentException("unknown task id " + taskId);
        }
        taskIds[frame] = taskId;
    }

    /** Sets every frame's task to one text (the usual case). */
    public void setTaskForAll(String task) {
        int id = taskId(task);
        java.util.Arrays.fill(taskIds, 0, capacity, id);
    }

    public int taskIdAt(int frame) {
        return taskIds[frame];
    }

    public List<String> tasks() {
        return List.copyOf(tasks);
    }

    public String task(int id) {
        return tasks.get(id);
    }

    public int length() {
        return length;
    }

    /** Number of valid frames (≤ capacity). */
    public void setLength(int frames) {
        if (frames < 0 || frames > capacity) {
            throw new IllegalArgumentException("length " + frames + " outside 0.." + capacity);
        }
        this.length = frames;
    }

    /** Forgets frames and tasks; arrays are kept for the next episode. */
    public void clear() {
        length = 0;
        tasks.clear();
    }
}
