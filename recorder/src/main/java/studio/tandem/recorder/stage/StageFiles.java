package studio.tandem.recorder.stage;

import java.nio.file.Path;

/**
 * Names of the files of one staged episode directory, and the record types of its logs.
 *
 * <p>{@code vectors.log}: {@link #VECTOR} {@code [short stream][long tNanos][double × length]},
 * {@link #EVENT} {@code [long tNanos][short kindLen][kind][text]}, {@link #META} JSON of
 * {@code {task, notes, outcome}}, {@link #STOP} {@code [long stopNanos][int rows]}.
 * {@code camera-N.log}: {@code F [int row][long captureNanos or -1][long sequence]} and
 * {@link #COUNTERS} {@code [long frames][long dropped]}.
 */
public final class StageFiles {
    public static final byte VECTOR = 'V';
    public static final byte EVENT = 'E';
    public static final byte META = 'M';
    public static final byte STOP = 'S';
    public static final byte FRAME = 'F';
    public static final byte COUNTERS = 'C';

    private StageFiles() {
    }

    public static Path vectorLog(Path dir) {
        return dir.resolve("vectors.log");
    }

    public static Path cameraLog(Path dir, int camera) {
        return dir.resolve("camera-" + camera + ".log");
    }

    /** The staged (crash-tolerant) video of camera {@code camera}. */
    public static Path stagedVideo(Path dir, int camera) {
        return dir.resolve("camera-" + camera + ".staged");
    }

    /** The finished per-episode MP4 of camera {@code camera}, made at save time. */
    public static Path finalVideo(Path dir, int camera) {
        return dir.resolve("camera-" + camera + ".mp4");
    }
}
